package org.cml4j.cascade.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.cml4j.cascade.learning.Series;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.vars.Frame;
import org.junit.jupiter.api.Test;

class QualityControlTest {
  static double[] diurnalFlux(int n, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double h = i % 24;
      x[i] = Math.max(-30, 150 * Math.sin(Math.PI * (h - 6) / 12)) + 5 * r.nextGaussian();
    }
    return x;
  }

  @Test
  void doubleDifferencingFindsInjectedSpikesAndLittleElse() {
    double[] x = diurnalFlux(24 * 20, 1);
    int[] at = {50, 123, 200, 333, 401};
    for (int i : at) {
      x[i] += i % 2 == 0 ? 120 : -120;
    }
    boolean[] f = SpikeDetector.hourlyFlux().flag(x);
    for (int i : at) {
      assertThat(f[i]).as("spike at %d", i).isTrue();
    }
    assertThat(OutlierDetector.count(f)).isLessThanOrEqualTo(at.length + 2);
    boolean[] h = new OutlierDetector(3, 4, 40).flag(x);
    assertThat(OutlierDetector.count(h)).isGreaterThanOrEqualTo(3);
    assertThatThrownBy(() -> new SpikeDetector(0, 100, 1)).hasMessageContaining("z > 0");
    assertThatThrownBy(() -> new OutlierDetector(0, 3, 1)).hasMessageContaining("halfWindow >= 1");
  }

  @Test
  void linearInterpolationAndGapDistances() {
    double[] v = {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN};
    assertThat(Series.interpolateGaps(v, "x")).containsExactly(1, 1, 2, 3, 4, 4);
    assertThat(Series.gapDistance(v)).containsExactly(1, 0, 1, 1, 0, 1);
    assertThatThrownBy(() -> Series.interpolateGaps(new double[] {Double.NaN}, "forcing SWdown"))
        .hasMessageContaining("forcing SWdown has no valid value");
  }

  @Test
  void learnedFillerBeatsLinearInterpolationAcrossDaytimeGaps() {
    int n = 24 * 16;
    double[] sw = diurnalFlux(n, 2);
    double[] truth = sw.clone();
    Frame f = Frame.regular(n, 3600).with("SWdown", sw);
    double[] gappy = sw.clone();
    for (int start : new int[] {40, 110, 200, 290}) {
      java.util.Arrays.fill(gappy, start, start + 8, Double.NaN);
    }
    f = f.replace(f.spec("SWdown"), gappy);
    LearnedGapFiller filler = new LearnedGapFiller(10, 120, LearnerSpec.mlp(16, 16)
        .withEpochs(40).withBatchSize(64).withSeed(1), 1);
    LearnedGapFiller.Filled out = filler.fill(f, List.of("SWdown"));
    LearnedGapFiller.VariableReport r = out.reports().get("SWdown");
    assertThat(r.missing()).isEqualTo(32);
    assertThat(r.usedLearned()).isTrue();
    assertThat(r.learnedRmse()).isLessThan(0.5 * r.linearRmse());
    double[] filled = out.frame().values("SWdown");
    double[] lin = Series.interpolateGaps(gappy, "SWdown");
    double se = 0;
    double sl = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(gappy[i])) {
        se += (filled[i] - truth[i]) * (filled[i] - truth[i]);
        sl += (lin[i] - truth[i]) * (lin[i] - truth[i]);
      } else {
        assertThat(filled[i]).isEqualTo(gappy[i]);
      }
    }
    assertThat(Math.sqrt(se / 32)).isLessThan(0.5 * Math.sqrt(sl / 32));
    Frame almostEmpty = Frame.regular(100, 3600).with("SWdown", new double[100]);
    double[] e = new double[100];
    java.util.Arrays.fill(e, 10, 100, Double.NaN);
    Frame bad = almostEmpty.replace(almostEmpty.spec("SWdown"), e);
    assertThatThrownBy(() -> filler.fill(bad, List.of("SWdown")))
        .hasMessageContaining("variable SWdown has only 10 valid values of 100");
  }
}
