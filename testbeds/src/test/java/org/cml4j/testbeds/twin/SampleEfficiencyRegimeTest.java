package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * The numbers of docs/BENCHMARKS.md on the sample-efficiency family: the calibrated physics
 * (normalised test RMSE, Qh and Qle counting 1) at 1, 3, 7 and 14 training days over 5 replicate
 * seeds, on version 1 (the twin's own drying record) and version 2 (the steady record). Deterministic
 * given the seeds; the tolerance 0.005 only absorbs the printed rounding. Takes ~1 min (40
 * calibrations).
 */
@org.junit.jupiter.api.Tag("expensive")
class SampleEfficiencyRegimeTest {
  static final StructuralTwin.Settings QUICK = new StructuralTwin.Settings(14, 5, 10,
      List.of(1, 3, 7, 14), 1, Budget.quick());

  static double err(BenchTask bc) {
    CouplingSolution s = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer())
        .solve(bc.task());
    TimeSplit sp = bc.task().split();
    double sum = 0;
    int n = 0;
    for (String t : bc.task().targets()) {
      double[] o = bc.truth().values(t, sp.validationEnd(), sp.size());
      double m = java.util.Arrays.stream(o).average().orElse(0);
      double sd = Math.sqrt(java.util.Arrays.stream(o).map(x -> (x - m) * (x - m)).average()
          .orElse(0));
      if (!s.predictions().has(t)) {
        sum += 1;
      } else {
        double[] p = s.predictions().values(t, sp.validationEnd(), sp.size());
        double se = 0;
        for (int i = 0; i < p.length; i++) {
          se += (p[i] - o[i]) * (p[i] - o[i]);
        }
        sum += Math.sqrt(se / p.length) / sd;
      }
      n++;
    }
    return sum / n;
  }

  static double[][] curves(String design) {
    double[][] e = new double[5][];
    for (int r = 1; r <= 5; r++) {
      long seed = TaskCatalog.replicateSeed(42, r);
      StructuralTwin.Record rec = design.equals("1") ? StructuralTwin.simulate(QUICK, false, 0,
          seed) : StructuralTwin.simulateSteady(QUICK, 0, seed);
      e[r - 1] = StructuralTwin.sampleEfficiency(rec, QUICK, seed, design).stream()
          .mapToDouble(SampleEfficiencyRegimeTest::err).toArray();
      System.out.println(String.format(Locale.ROOT, "sample efficiency v%s r%d: %s", design, r,
          java.util.Arrays.toString(e[r - 1])));
    }
    return e;
  }

  @Test
  void theOldCurveWasReplicateNoiseAndTheSteadyRecordImprovesWithData() {
    double[][] v1 = curves("1");
    // replicate 1 = seed 42 reproduces the 0.432, 0.374, 0.465, 0.544
    assertThat(v1[0]).containsExactly(new double[] {0.432, 0.374, 0.465, 0.544},
        within(0.005));
    // 14 d worse than 3 d in replicates 1-3 only: not a systematic effect of more data
    assertThat(java.util.stream.IntStream.range(0, 5).filter(r -> v1[r][3] > v1[r][1])
        .boxed().toList()).containsExactly(0, 1, 2);
    double[][] v2 = curves("2");
    // one regime: 14 d beats 1 d in replicates 1-4 (not 5); mean 0.670, 0.543, 0.583, 0.513
    assertThat(java.util.stream.IntStream.range(0, 5).filter(r -> v2[r][3] < v2[r][0])
        .boxed().toList()).containsExactly(0, 1, 2, 3);
    double[] mean = new double[4];
    for (int j = 0; j < 4; j++) {
      final int k = j;
      mean[j] = java.util.Arrays.stream(v2).mapToDouble(r -> r[k]).average().orElseThrow();
    }
    assertThat(mean).containsExactly(new double[] {0.670, 0.543, 0.583, 0.513}, within(0.005));
  }
}
