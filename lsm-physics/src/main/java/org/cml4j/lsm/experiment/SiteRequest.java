package org.cml4j.lsm.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cml4j.lsm.estimation.FitParam;

/**
 * A parameter-estimation request on a site file.
 *
 * @param name experiment name for reports
 * @param file site file (netCDF-4 ALMA, Noah/Bondville text, or site CSV)
 * @param start first time level (UTC)
 * @param end end of the window (exclusive, UTC)
 * @param fitHours number of leading hourly levels used for fitting; the rest is validation
 * @param observe variables fitted (SoilTemp_&lt;m&gt;, SurfTemp — taken from the file or derived from
 *     LWup — LWup, Qg, QhQle)
 * @param predict variables only evaluated (same names)
 * @param albedo fixed albedo, or NaN to fit it (then {@code fit} must contain alpha)
 * @param fit fitted parameters
 * @param published literature values by parameter name for the report (may be empty)
 * @param publishedNote source of the published values
 */
public record SiteRequest(String name, Path file, Instant start, Instant end, int fitHours,
    List<String> observe, List<String> predict, double albedo, List<FitParam> fit,
    java.util.Map<String, Double> published, String publishedNote) {

  public SiteRequest {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("site window: end " + end + " is not after start " + start);
    }
    if (observe.isEmpty()) {
      throw new IllegalArgumentException("site window: give at least one variable to observe");
    }
    if (fitHours < 2) {
      throw new IllegalArgumentException("site window: at least 2 hourly levels must be fitted");
    }
    if (Double.isNaN(albedo) && !fit.contains(FitParam.ALPHA)) {
      throw new IllegalArgumentException("albedo is neither given (--albedo) nor fitted (--fit alpha)");
    }
    if (!Double.isNaN(albedo) && fit.contains(FitParam.ALPHA)) {
      throw new IllegalArgumentException("albedo is both fixed (" + albedo + ") and fitted: choose one");
    }
  }
}
