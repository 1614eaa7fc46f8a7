package org.cml4j.bench;

import static org.cml4j.bench.BenchReport.fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.PublishedSpread;

/**
 * The fitted parameters of a parameter-recovery task against the truth and the authors'
 * published multi-start spread (Huang, Heaney & van Reeuwijk 2025: 50 Adam starts): one row per
 * coupling that reported parameters, counting how many fall inside the published 5–95 % range.
 */
final class RecoveryTable {
  /** Quantiles bounding the published range. */
  static final double LOW = 0.05;
  static final double HIGH = 0.95;

  private RecoveryTable() {}

  /**
   * Rows: the truth (if the task has one), the published spread, then each coupling that reported
   * a published parameter, best first; empty when none did.
   */
  static List<List<String>> rows(BenchTask bc, PublishedSpread spread, List<CellResult> cells) {
    List<String> params = new ArrayList<>(spread.parameters());
    List<List<String>> rows = new ArrayList<>();
    List<String> truth = new ArrayList<>(List.of("truth", ""));
    List<String> pub = new ArrayList<>(List.of("published median [5 %, 95 %] of "
        + spread.starts() + " starts", ""));
    for (String p : params) {
      Double t = bc.trueParameters().get(p);
      truth.add(t == null ? "–" : fmt(t));
      pub.add(fmt(spread.median(p)) + " [" + fmt(spread.quantile(p, LOW)) + ", "
          + fmt(spread.quantile(p, HIGH)) + "]");
    }
    truth.add("");
    pub.add("");
    truth.add("0");
    pub.add("");
    if (!bc.trueParameters().isEmpty()) {
      rows.add(truth);
    }
    rows.add(pub);
    List<CellResult> fitted = cells.stream().filter(c -> c.status().equals(CellResult.OK)
        && params.stream().anyMatch(c.parameters()::containsKey))
        .sorted(Comparator.comparingDouble((CellResult c) -> Double.isNaN(c.paramError())
            ? Double.MAX_VALUE : c.paramError()).thenComparing(CellResult::approach)).toList();
    for (CellResult c : fitted) {
      List<String> row = new ArrayList<>(List.of(c.approach(), c.paradigm()));
      int in = 0;
      int n = 0;
      for (String p : params) {
        Double v = c.parameters().get(p);
        row.add(v == null ? "–" : fmt(v));
        if (v != null) {
          n++;
          if (v >= spread.quantile(p, LOW) && v <= spread.quantile(p, HIGH)) {
            in++;
          }
        }
      }
      row.add(in + " of " + n);
      row.add(fmt(c.paramError()));
      rows.add(row);
    }
    return fitted.isEmpty() ? List.of() : rows;
  }

  /** Column headers matching {@link #rows}. */
  static List<String> header(PublishedSpread spread) {
    List<String> h = new ArrayList<>(List.of("coupling", "paradigm"));
    h.addAll(spread.parameters());
    h.add("within the published 5–95 % range");
    h.add("max relative error vs truth");
    return h;
  }
}
