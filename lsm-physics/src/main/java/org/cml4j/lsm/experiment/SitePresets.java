package org.cml4j.lsm.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.estimation.FitParam;

/** The named real-site experiments of {@code ./cml4j estimate --experiment}. */
public final class SitePresets {
  private SitePresets() {}

  /**
   * West Phoenix (Urban-PLUMBER), the paper's site and window: local 2012-05-01 00:00 (UTC-7),
   * 150 hourly levels fitted + 50 validated; 2 cm soil temperature and the surface temperature
   * implied by LWup observed; alpha fixed at the site's midday albedo 0.172; predicts LWup and
   * QH+QE. The paper instead fitted 5 and 15 cm soil temperatures (not available here).
   */
  public static SiteRequest phoenix2012(Path dataDir) {
    Path dir = dataDir.resolve("phoenix-us-westphoenix-2012");
    Map<String, Double> pub = new LinkedHashMap<>();
    pub.put("hbeta", 19.65);
    pub.put("lambda", 0.826);
    pub.put("C", 2.45e6);
    pub.put("Tb", 305.40);
    return new SiteRequest("phoenix-2012", dir.resolve("US-WestPhoenix_clean_observations_v1.nc"),
        Instant.parse("2012-05-01T07:00:00Z"), Instant.parse("2012-05-09T15:00:00Z"), 150,
        List.of("SoilTemp_0.02", "SurfTemp"), List.of("LWup", "QhQle"), 0.172,
        List.of(FitParam.LAMBDA, FitParam.C, FitParam.HBETA, FitParam.TB), pub,
        "Huang et al. (2025), 50 starts, fitted to 5 and 15 cm soil temperature with ERA5-corrected"
            + " forcing (huang2025_trials.csv): hbeta 19.65 +- 0.10, lambda 0.826 +- 0.041,"
            + " C 2.45e6 +- 7.3e4, Tb 305.40");
  }

  /**
   * Bondville 1998 (Noah LSM validation file), October after harvest: 14 days from local midnight
   * 1 October (UTC-6); the first 7 days fitted on the 2 and 8 cm soil temperatures; predicts the
   * 4, 16, 32 and 64 cm temperatures, the ground heat flux and the IR skin temperature.
   */
  public static SiteRequest bondville1998(Path dataDir) {
    return new SiteRequest("bondville-1998",
        dataDir.resolve("bondville-us-bo1-1998").resolve("forcing98_with_validation.dat"),
        Instant.parse("1998-10-01T06:00:00Z"), Instant.parse("1998-10-15T06:00:00Z"), 168,
        List.of("SoilTemp_0.02", "SoilTemp_0.08"),
        List.of("SoilTemp_0.04", "SoilTemp_0.16", "SoilTemp_0.32", "SoilTemp_0.64", "Qg", "SurfTemp"),
        Double.NaN, List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C, FitParam.HBETA, FitParam.TB),
        Map.of(), "no published fit for this site");
  }
}
