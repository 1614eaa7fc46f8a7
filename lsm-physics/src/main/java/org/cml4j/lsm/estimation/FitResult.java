package org.cml4j.lsm.estimation;

import java.util.Map;

/**
 * Outcome of one inversion from one start.
 *
 * @param solver "adam" or "lm"
 * @param initial starting coordinates (physical units, order of the parameter space)
 * @param fitted final coordinates
 * @param named final values by name (plus derived hbeta when h and beta are fitted)
 * @param loss final mean squared error [unit^2 of the observations]
 * @param iterations optimiser iterations
 * @param gradientEvaluations adjoint (Adam) or tangent-Jacobian (LM) evaluations
 * @param forwardEvaluations forward model runs
 * @param converged whether the stopping rule (not the budget) ended the run
 * @param stopReason human-readable reason
 * @param wallSeconds wall-clock time of this start
 */
public record FitResult(String solver, double[] initial, double[] fitted, Map<String, Double> named,
    double loss, int iterations, long gradientEvaluations, long forwardEvaluations,
    boolean converged, String stopReason, double wallSeconds) {}
