package org.cml4j.lsm.experiment;

/**
 * Skill of a modelled variable against observations over a period.
 *
 * @param variable name
 * @param unit unit
 * @param period "fit" or "validation"
 * @param rmse root-mean-square error
 * @param bias mean(model - observed)
 * @param n number of compared values
 */
public record PredictionScore(String variable, String unit, String period, double rmse, double bias,
    int n) {}
