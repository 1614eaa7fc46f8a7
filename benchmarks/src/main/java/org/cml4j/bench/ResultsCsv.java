package org.cml4j.bench;

import java.io.IOException;
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
 * sd_diff = |1 - sd_pred/sd_truth|, one_minus_r, p5_error, p95_error.
 */
public final class ResultsCsv {
  /** Column names. */
  public static final List<String> HEADER = List.of("task", "family", "coupling", "category",
      "paradigm", "mode", "calibration", "replicate", "time_cap_hit", "target", "train_days",
      "status", "rmse", "bias", "kge", "inconsistency", "param_error", "fit_seconds",
      "predict_seconds", "reason", "mae", "sd_diff", "one_minus_r", "p5_error", "p95_error");

  private ResultsCsv() {}

  /** Writes the file atomically. */
  public static void write(Path file, List<CellResult> cells) throws IOException {
    AtomicFiles.write(file, os -> {
      OutputStreamWriter w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
          .setHeader(HEADER.toArray(String[]::new)).setRecordSeparator("\n").build())) {
        for (CellResult c : cells) {
          for (TargetScore s : c.scores()) {
            p.printRecord(c.task(), c.family(), c.approach(), c.category(), c.paradigm(),
                c.mode(), c.calibration(), c.replicate(), c.timeCapHit() ? 1 : 0, s.target(),
                num(c.trainDays()), c.status(), num(s.rmse()), num(s.bias()), num(s.kge()), num(c.inconsistency()), num(c.paramError()), num(c.fitSeconds()),
                num(c.predictSeconds()), c.reason(),
                num(s.mae()), num(s.sdDifference()), num(s.correlationError()),
                num(s.p5Error()), num(s.p95Error()));
          }
          String st = c.status().equals(CellResult.OK) ? "not-predicted" : c.status();
          for (String t : c.missingTargets()) {
            p.printRecord(c.task(), c.family(), c.approach(), c.category(), c.paradigm(),
                c.mode(), c.calibration(), c.replicate(), c.timeCapHit() ? 1 : 0, t,
                num(c.trainDays()), st, "", "", "", "", num(c.paramError()),
                num(c.fitSeconds()), num(c.predictSeconds()), c.reason(),
                "", "", "", "", "");
          }
        }
        p.flush();
      }
    });
  }

  static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }
}
