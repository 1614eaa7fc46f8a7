package org.cml4j.testbeds.sites;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SitePresets;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.PublishedSpread;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.testbeds.twin.StructuralTwin;

/**
 * The real-site tasks, read in place from {@code shared/data} through the site readers and
 * {@link SiteExperiment} (hourly sampling of the half-hourly files, forcing gaps up to 3 h
 * interpolated, night-time SWdown clipped to 0):
 * <ul>
 *   <li>{@code bondville-1998}: Bondville, Illinois, 1–14 October 1998 local time (Noah LSM
 *   validation file); first 7 days observed (6 train + 1 validation), last 7 days test; targets
 *   soil temperature at 2, 4, 8, 16, 32, 64 cm, Qg, Qh, Qle; also observed SurfTemp (IR skin).</li>
 *   <li>{@code phoenix-2012}: West Phoenix (Urban-PLUMBER), the paper's window from local
 *   2012-05-01 00:00: 150 h observed (125 train + 25 validation, the paper's fitting period), the
 *   paper's 50 validation hours as test; targets SoilTemp_0.02, LWup, Qh, Qle; albedo 0.172 known.
 *   </li>
 * </ul>
 * Built by {@link SiteTaskBuilder} (the same construction as the own-site tasks): besides the
 * mechanism forcing (SWdown, LWdown, Tair) the forcing frame carries Rainf (missing = 0), Wind and,
 * where the file has it (Phoenix), the specific humidity Qair (gaps interpolated) for the learning
 * components and the empirical baselines. The truth is the unmasked observation frame (real gaps
 * stay NaN).
 */
public final class RealSiteTasks {
  /** Version of the Bondville task. */
  public static final String VERSION = "1";
  /** Version of the Phoenix task (2: the forcing carries Qair). */
  public static final String PHOENIX_VERSION = "2";
  static final String BONDVILLE_DIR = "bondville-us-bo1-1998";
  static final String PHOENIX_DIR = "phoenix-us-westphoenix-2012";
  public static final String BONDVILLE_FILE = BONDVILLE_DIR + "/forcing98_with_validation.dat";
  public static final String PHOENIX_FILE = PHOENIX_DIR + "/US-WestPhoenix_clean_observations_v1.nc";
  static final String PHOENIX_TRIALS = "huang2025_trials.csv";

  private RealSiteTasks() {}

  /** Bondville October 1998. */
  public static BenchTask bondville(Path dataDir, long seed, Budget budget) {
    SiteExperiment ex = SiteExperiment.load(SitePresets.bondville1998(dataDir));
    SiteData d = ex.data();
    List<String> observed = new ArrayList<>();
    for (double z : d.soilDepths()) {
      observed.add(SiteData.soilTempName(z));
    }
    List<String> targets = new ArrayList<>(observed);
    targets.addAll(List.of(Variables.QG, Variables.QH, Variables.QLE));
    observed.addAll(List.of(Variables.QG, Variables.QH, Variables.QLE, Variables.SURF_TEMP));
    Frame obs = SiteTaskBuilder.frame(d, observed);
    int n = d.size();
    return SiteTaskBuilder.task("bondville-1998", TaskCatalog.FAMILY_REAL_SITE, "bondville-" + VERSION,
        ex, obs, obs, new TimeSplit(n / 2 - 24, n / 2, n), targets, StructuralTwin.FIT,
        Map.of("eps", 0.95), seed, budget,
        "Bondville, Illinois (US-Bo1), 1-14 October 1998 after harvest: 7 d observed (soil"
            + " temperature at 6 depths, Qg, Qh, Qle, IR skin temperature), 7 d test; targets all"
            + " soil depths, Qg, Qh, Qle.", List.of());
  }

  /**
   * West Phoenix May 2012 with the authors' published values (a different protocol; empty if
   * {@code huang2025_trials.csv} is absent).
   */
  public static Map.Entry<BenchTask, PublishedSpread> phoenix(Path dataDir, long seed,
      Budget budget) {
    SiteExperiment ex = SiteExperiment.load(SitePresets.phoenix2012(dataDir));
    SiteData d = ex.data();
    List<String> targets = List.of("SoilTemp_0.02", Variables.LWUP, Variables.QH, Variables.QLE);
    Frame obs = SiteTaskBuilder.frame(d, targets);
    int fit = ex.request().fitHours();
    Map<String, Double> known = new LinkedHashMap<>();
    known.put("alpha", ex.request().albedo());
    known.put("eps", 0.95);
    BenchTask b = SiteTaskBuilder.task("phoenix-2012", TaskCatalog.FAMILY_REAL_SITE,
        "phoenix-" + PHOENIX_VERSION, ex, obs, obs, new TimeSplit(fit - 25, fit, d.size()), targets,
        List.of("lambda", "C", "hbeta", "Tb"), known, seed, budget,
        "West Phoenix (Urban-PLUMBER), from local 2012-05-01 00:00: 150 h observed (2 cm soil"
            + " temperature, LWup, Qh, Qle), the paper's 50 validation hours as test; albedo 0.172"
            + " known.", List.of());
    Path trials = dataDir.resolve(PHOENIX_DIR).resolve(PHOENIX_TRIALS);
    return Map.entry(b, Files.isRegularFile(trials) ? phoenixSpread(trials)
        : new PublishedSpread("not available: " + trials + " not found", Map.of()));
  }

  static PublishedSpread phoenixSpread(Path file) {
    Map<String, List<Double>> cols = new LinkedHashMap<>();
    for (String p : List.of("hbeta", "lambda", "C", "Tb")) {
      cols.put(p, new ArrayList<>());
    }
    try (Reader in = Files.newBufferedReader(file)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
          .parse(in)) {
        for (var e : cols.entrySet()) {
          String v = r.isMapped("final_" + e.getKey()) ? r.get("final_" + e.getKey()) : null;
          try {
            e.getValue().add(Double.parseDouble(v));
          } catch (NumberFormatException | NullPointerException ex) {
            throw new IllegalArgumentException(file + ": record " + r.getRecordNumber()
                + ", column final_" + e.getKey() + ": not a number: '" + v + "'");
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, double[]> m = new LinkedHashMap<>();
    cols.forEach((k, v) -> m.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return new PublishedSpread("Huang et al. (2025), 50 starts at West Phoenix fitted to 5 and 15"
        + " cm soil temperature with ERA5-corrected forcing (huang2025_trials.csv); a different"
        + " protocol, for reference only", m);
  }
}
