package org.cml4j.lsm.experiment;

import java.util.List;
import java.util.Map;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.IdentifiabilityReport;

/**
 * Everything an estimation run produced, ready to be written as results.json / report.md / plots.
 *
 * @param experiment experiment name (e.g. huang2025-2depth, phoenix-2012, or the site file)
 * @param description one paragraph: data, window, observed variables, fixed parameters
 * @param solver "adam" or "lm"
 * @param stepSolver "EXACT" or "JACOBI"
 * @param parameters fitted coordinate names in order
 * @param units their units
 * @param starts one result per start
 * @param best index of the start with the lowest loss
 * @param summary per parameter: median, min, max, IQR over starts (keys "median","min","max","iqr")
 * @param identifiability diagnostics at the best start
 * @param scores skill of observed and predicted variables
 * @param panels series for plots
 * @param published literature values to compare with, by parameter (may be empty)
 * @param publishedNote where the published values come from
 * @param wallSeconds total wall time of the multi-start run
 */
public record EstimationOutcome(String experiment, String description, String solver,
    String stepSolver, List<String> parameters, List<String> units, List<FitResult> starts,
    int best, Map<String, Map<String, Double>> summary, IdentifiabilityReport identifiability,
    List<PredictionScore> scores, List<SeriesPanel> panels, Map<String, Double> published,
    String publishedNote, double wallSeconds) {}
