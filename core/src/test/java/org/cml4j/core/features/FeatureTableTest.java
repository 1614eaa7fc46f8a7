package org.cml4j.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cml4j.core.baseline.ForcingFeatures;
import org.cml4j.core.vars.Frame;
import org.junit.jupiter.api.Test;

class FeatureTableTest {
  private static final Frame HOURLY = Frame.regular(6, 3600).with("Tair",
      new double[] {1, 2, 3, 4, 5, 6});

  @Test
  void trailingMeanUsesTheHistorySoFar() {
    double[][] m = new FeatureTable(HOURLY).addTrailingMean("x.mean3", HOURLY.values("Tair"), 3)
        .matrix();
    assertThat(m[0][0]).isEqualTo(1);
    assertThat(m[1][0]).isEqualTo(1.5);
    assertThat(m[5][0]).isEqualTo(5);
  }

  @Test
  void movingAverageFollowsItsRecursion() {
    double[][] m = new FeatureTable(HOURLY).addMovingAverage("e", HOURLY.values("Tair"), 2)
        .matrix();
    double a = 1 - Math.exp(-0.5);
    assertThat(m[0][0]).isEqualTo(1);
    assertThat(m[1][0]).isCloseTo(1 + a, within(1e-15));
  }

  @Test
  void hourPairAndHarmonicsAgreeToRounding() {
    double[][] h = new FeatureTable(HOURLY).addHourOfDay("s", "c").addDiurnal("s1", "c1")
        .matrix();
    for (double[] row : h) {
      assertThat(row[0]).isCloseTo(row[2], within(1e-15));
      assertThat(row[1]).isCloseTo(row[3], within(1e-15));
    }
    assertThat(h[3][0]).isCloseTo(Math.sin(Math.PI / 4), within(1e-15));
  }

  @Test
  void gapsAreRejectedNamingFeatureStepAndRemedyOrKept() {
    double[] gap = {1, Double.NaN, 3, 4, 5, 6};
    assertThatThrownBy(() -> FeatureTable.rejectingGaps(HOURLY, "fill it").add("y", gap))
        .hasMessageContaining("feature y is NaN at step 1; fill it");
    assertThat(FeatureTable.allowingGaps(HOURLY).add("y", gap).matrix()[1][0]).isNaN();
    assertThatThrownBy(() -> new FeatureTable(HOURLY).add("y", new double[2]))
        .hasMessageContaining("feature y has 2 steps, axis 6");
  }

  @Test
  void baselineFeaturesKeepTheirColumnOrder() {
    List<String> names = ForcingFeatures.names(List.of("Tair"));
    assertThat(names).containsExactly("Tair", "sin_hour", "cos_hour", "Tair_mean6h", "Tair_mean24h",
        "Tair_mean72h");
    double[][] m = ForcingFeatures.matrix(HOURLY, List.of("Tair"));
    assertThat(m[0]).hasSize(names.size());
    assertThat(m[5][3]).isEqualTo(3.5);
  }

  @Test
  void standardizerFitsTheFirstRows() {
    FeatureTable t = new FeatureTable(HOURLY).add(HOURLY, List.of("Tair"), "");
    assertThat(t.standardizer(2).mean(0)).isEqualTo(1.5);
    assertThat(t.names()).containsExactly("Tair");
  }
}
