package org.cml4j.bench;

/**
 * Scores of one predicted target on a task's test period.
 *
 * @param target variable name
 * @param n number of scored steps
 * @param rmse root mean square error (target units)
 * @param bias mean error (predicted - truth)
 * @param kge Kling–Gupta efficiency (NaN when undefined)
 */
public record TargetScore(String target, int n, double rmse, double bias, double kge) {}
