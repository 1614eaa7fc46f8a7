package org.cml4j.fuse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cml4j.core.vars.Frame;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {
  private static final Frame FORCING = Frame.regular(4, 3600).with("Tair",
      new double[] {280, 282, 284, 286}).with("SWdown", new double[] {0, 100, 200, 100});
  private static final Frame AUX = Frame.regular(4, 3600).with("Qg", new double[] {1, 2, 3, 4});

  @Test
  void columnsNameTheMatrixInOrder() {
    FeatureSpec fs = new FeatureSpec(List.of("Tair"), new double[] {6}, true, List.of("Qg"));
    assertThat(fs.columns()).containsExactly("Tair", "Tair_ema6h", "hour_sin", "hour_cos", "Qg");
    double[][] m = fs.matrix(FORCING, AUX);
    assertThat(m[0]).hasSize(5);
    double a = 1 - Math.exp(-1.0 / 6);
    assertThat(m[1][1]).isCloseTo(280 + a * 2, within(1e-12));
    assertThat(m[2][4]).isEqualTo(3);
    assertThat(m[3][2]).isCloseTo(Math.sin(Math.PI / 4), within(1e-15));
  }

  @Test
  void missingInputsAreNamed() {
    FeatureSpec fs = FeatureSpec.standard(List.of("Wind"));
    assertThatThrownBy(() -> fs.matrix(FORCING, AUX)).hasMessageContaining("forcing Wind is not"
        + " in the frame");
    Frame gap = FORCING.replace(FORCING.spec("Tair"), new double[] {280, Double.NaN, 1, 2});
    assertThatThrownBy(() -> FeatureSpec.standard(List.of("Tair")).matrix(gap, AUX))
        .hasMessageContaining("feature Tair is NaN at step 1; network inputs must be complete");
    assertThatThrownBy(() -> FeatureSpec.standard(List.of("Tair")).withAuxiliary(List.of("Qh"))
        .matrix(FORCING, AUX)).hasMessageContaining("auxiliary input Qh is not available");
  }
}
