package org.cml4j.lsm.experiment;

/**
 * One observed-vs-modelled series for reports and plots.
 *
 * @param name variable name (ALMA style, e.g. SoilTemp_0.05)
 * @param unit unit
 * @param hours time of each level in hours since the window start
 * @param observed observed values (NaN = missing)
 * @param modelled modelled values with the best fit
 * @param fitLevels number of leading levels used for fitting; the rest is validation
 * @param role "observed" (fitted) or "predicted" (not used in the fit)
 */
public record SeriesPanel(String name, String unit, double[] hours, double[] observed,
    double[] modelled, int fitLevels, String role) {}
