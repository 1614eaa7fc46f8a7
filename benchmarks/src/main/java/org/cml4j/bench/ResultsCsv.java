package org.cml4j.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cml4j.bench.report.AtomicFiles;

/**
 * {@code results.csv}: one row per (task, coupling, replicate, target), in (task, coupling,
 * replicate) order whatever the number of threads. Numbers are printed with 6 significant digits
 * in a fixed locale, so the same seed gives the same file apart from the two timing columns
 * ({@code fit_seconds}, {@code predict_seconds}). {@code mode} is the coupling mode (empty for
 * baselines), {@code calibration} the calibration id the coupling recorded in its provenance
 * (empty if none), {@code replicate} the 1-based replicate, {@code time_cap_hit} 1 when the
 * coupling stopped on its wall-time safety cap (its row then depends on machine speed).
 * The last five columns are the PLUMBER2 metrics of the target ({@link TargetScore}): mae,
 * sd_diff = |1 - sd_pred/sd_truth|, one_minus_r, p5_error, p95_error. Then the scores of the
 * coupling's predictive distribution, empty for couplings without one: crps (target units),
 * coverage50 and coverage90 (fractions of test observations inside the central 50 % and 90 %
 * intervals), width90 (mean width of the 90 % interval, target units). The PIT histograms go to
 * {@code pit.csv} ({@link #writePit}).
 */
public final class ResultsCsv {
  /** Column names. */
  public static final List<String> HEADER = List.of("task", "family", "coupling", "category",
      "paradigm", "mode", "calibration", "replicate", "time_cap_hit", "target", "train_days",
      "status", "rmse", "bias", "kge", "inconsistency", "param_error", "fit_seconds",
      "predict_seconds", "reason", "mae", "sd_diff", "one_minus_r", "p5_error", "p95_error",
      "crps", "coverage50", "coverage90", "width90");

  private ResultsCsv() {}

  /** Writes the file atomically. */
  public static void write(Path file, List<CellResult> cells) throws IOException {
    AtomicFiles.write(file, os -> {
      try (CSVPrinter p = printer(os, HEADER)) {
        for (CellResult c : cells) {
          for (TargetScore s : c.scores()) {
            p.printRecord(c.task(), c.family(), c.approach(), c.category(), c.paradigm(),
                c.mode(), c.calibration(), c.replicate(), c.timeCapHit() ? 1 : 0, s.target(),
                num(c.trainDays()), c.status(), num(s.rmse()), num(s.bias()), num(s.kge()), num(c.inconsistency()), num(c.paramError()), num(c.fitSeconds()),
                num(c.predictSeconds()), c.reason(),
                num(s.mae()), num(s.sdDifference()), num(s.correlationError()),
                num(s.p5Error()), num(s.p95Error()), num(s.crps()), num(s.coverage50()),
                num(s.coverage90()), num(s.width90()));
          }
          String st = c.status().equals(CellResult.OK) ? "not-predicted" : c.status();
          for (String t : c.missingTargets()) {
            p.printRecord(c.task(), c.family(), c.approach(), c.category(), c.paradigm(),
                c.mode(), c.calibration(), c.replicate(), c.timeCapHit() ? 1 : 0, t,
                num(c.trainDays()), st, "", "", "", "", num(c.paramError()),
                num(c.fitSeconds()), num(c.predictSeconds()), c.reason(),
                "", "", "", "", "", "", "", "", "");
          }
        }
        p.flush();
      }
    });
  }

  /** Columns of {@code pit.csv}. */
  public static final List<String> PIT_HEADER = List.of("task", "coupling", "paradigm",
      "replicate", "target", "n", "pit_0.0", "pit_0.1", "pit_0.2", "pit_0.3", "pit_0.4",
      "pit_0.5", "pit_0.6", "pit_0.7", "pit_0.8", "pit_0.9");

  /**
   * {@code pit.csv}: one row per (task, coupling, replicate, target) with a predictive
   * distribution: the fraction of test observations whose PIT falls in each tenth of [0, 1]
   * (column {@code pit_0.3} is [0.3, 0.4)). Flat = calibrated, U = too narrow, hump = too wide.
   */
  public static void writePit(Path file, List<CellResult> cells) throws IOException {
    AtomicFiles.write(file, os -> {
      try (CSVPrinter p = printer(os, PIT_HEADER)) {
        for (CellResult c : cells) {
          for (TargetScore s : c.scores()) {
            if (s.pit() == null) {
              continue;
            }
            List<Object> row = new java.util.ArrayList<>(List.of(c.task(), c.approach(),
                c.paradigm(), c.replicate(), s.target(), s.n()));
            for (double b : s.pit()) {
              row.add(num(b));
            }
            p.printRecord(row);
          }
        }
        p.flush();
      }
    });
  }

  static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }

  /** A UTF-8 CSV printer with {@code header} as its first record and "\n" line ends. */
  private static CSVPrinter printer(OutputStream os, List<String> header) throws IOException {
    return new CSVPrinter(new OutputStreamWriter(os, StandardCharsets.UTF_8), CSVFormat.DEFAULT
        .builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").build());
  }
}
