package org.cml4j.examples.fuse;

import org.cml4j.core.metrics.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.core.metrics.PhysicsConsistency;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.fuse.data.TaskData;
import org.cml4j.lsm.data.SharedDataFolder;
import org.cml4j.testbeds.tasks.BenchTask;

/** Shared helpers of the fusion examples: data location, scoring against the truth, tables. */
public final class ExampleSupport {
  /**
   * The examples' budget: tiny effort (epochs, starts) with a generous wall-time limit, so that a
   * loaded machine does not cut training short and the results stay reproducible.
   */
  public static final Budget BUDGET = new Budget(Budget.Effort.TINY, 900);

  /** Tolerance of the energy-balance consistency check [W m-2]. */
  public static final double ENERGY_TOLERANCE = 10;

  private ExampleSupport() {}

  /** The {@code shared/data} folder above the working directory, or null if absent. */
  public static Path dataDir() {
    return SharedDataFolder.above(Path.of(""), 5).orElse(null);
  }

  /** The bench task with another budget (the same data, split and seed). */
  public static BenchTask withBudget(BenchTask b, Budget budget) {
    return new BenchTask(b.id(), b.family(), b.task().toBuilder().budget(budget).build(),
        b.truth(), b.trueParameters(), b.description());
  }

  /**
   * Test-period scores of one approach on one task.
   *
   * @param approach approach name
   * @param task task id
   * @param rmse test RMSE against the truth per predicted target
   * @param energyInconsistent fraction of test steps whose predicted fluxes violate the energy
   *     balance by more than {@link #ENERGY_TOLERANCE} (NaN if the fluxes are not all predicted)
   * @param seconds fit + predict wall time
   * @param solution the full solution
   */
  public record Score(String approach, String task, Map<String, Double> rmse,
      double energyInconsistent, double seconds, CouplingSolution solution) {
    /** RMSE of one target, NaN if not predicted. */
    public double rmse(String target) {
      return rmse.getOrDefault(target, Double.NaN);
    }
  }

  /** Solves and scores. */
  public static Score run(Approach a, BenchTask b) {
    return score(a.name(), a.solve(b.task()), b);
  }

  /** Scores a solution against the truth over the test period. */
  public static Score score(String label, CouplingSolution s, BenchTask b) {
    CouplingTask t = b.task();
    TimeSplit sp = t.split();
    Map<String, Double> r = new LinkedHashMap<>();
    for (String v : t.targets()) {
      if (s.predictions().has(v)) {
        r.put(v, Metrics.rmse(s.prediction(v), b.truth().values(v), sp.validationEnd(),
            sp.size()));
      }
    }
    double albedo = b.trueParameters().getOrDefault("alpha", t.knownParameters()
        .getOrDefault("alpha", 0.2));
    double frac = PhysicsConsistency.energyBalance(s.predictions(), t.forcing(), albedo,
        sp.validationEnd(), sp.size(), ENERGY_TOLERANCE).map(e -> e.inconsistentFraction())
        .orElse(Double.NaN);
    return new Score(label, b.id(), r, frac, s.fitSeconds() + s.predictSeconds(), s);
  }

  /** A markdown table: one row per score, one column per target, plus the consistency. */
  public static String table(List<Score> rows) {
    List<String> targets = new ArrayList<>();
    rows.forEach(r -> r.rmse().keySet().stream().filter(k -> !targets.contains(k))
        .forEach(targets::add));
    StringBuilder sb = new StringBuilder("| task | approach | ");
    targets.forEach(t -> sb.append(t).append(" | "));
    sb.append("EB-inconsistent | s |\n|---|---|");
    targets.forEach(t -> sb.append("---|"));
    sb.append("---|---|\n");
    for (Score r : rows) {
      sb.append("| ").append(r.task()).append(" | ").append(r.approach()).append(" | ");
      for (String t : targets) {
        double v = r.rmse(t);
        sb.append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f",
            v)).append(" | ");
      }
      sb.append(Double.isNaN(r.energyInconsistent()) ? "–" : String.format(Locale.ROOT, "%.2f",
          r.energyInconsistent())).append(" | ").append(String.format(Locale.ROOT, "%.1f",
          r.seconds())).append(" |\n");
    }
    return sb.toString();
  }

  /**
   * Mean over the targets both predict of {@code rmse(a) / rmse(b)}: below 1 when {@code a} is
   * more accurate on average.
   */
  public static double meanRatio(Score a, Score b) {
    double s = 0;
    int n = 0;
    for (var e : a.rmse().entrySet()) {
      double other = b.rmse(e.getKey());
      if (!Double.isNaN(other) && other > 0) {
        s += e.getValue() / other;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
