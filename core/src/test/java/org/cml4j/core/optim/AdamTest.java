package org.cml4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdamTest {
  /** The update is exactly Kingma and Ba's, in the documented floating-point order. */
  @Test
  void stepsMatchTheReferenceFormulaBitForBit() {
    double[] lr = {0.1, 0.01};
    Adam running = new Adam(Adam.Settings.pytorch(), lr, false);
    Adam powered = new Adam(Adam.Settings.pytorchDecimal(), lr, false);
    double[] x = {1.0, -2.0};
    double[] y = x.clone();
    double[] rx = x.clone();
    double[] ry = x.clone();
    double[] m1 = new double[2];
    double[] v1 = new double[2];
    double[] m2 = new double[2];
    double[] v2 = new double[2];
    double b1t = 1;
    double b2t = 1;
    for (int t = 1; t <= 20; t++) {
      double[] g = {2 * x[0] + Math.sin(t), 2 * x[1] - 0.3};
      double[] h = {2 * y[0] + Math.sin(t), 2 * y[1] - 0.3};
      running.step(x, g);
      powered.stepAt(t, y, h);
      b1t *= 0.9;
      b2t *= 0.999;
      for (int i = 0; i < 2; i++) {
        m1[i] = 0.9 * m1[i] + (1 - 0.9) * g[i];
        v1[i] = 0.999 * v1[i] + (1 - 0.999) * g[i] * g[i];
        rx[i] = rx[i] - lr[i] * (m1[i] / (1 - b1t)) / (Math.sqrt(v1[i] / (1 - b2t)) + 1e-8);
        m2[i] = 0.9 * m2[i] + 0.1 * h[i];
        v2[i] = 0.999 * v2[i] + 0.001 * h[i] * h[i];
        ry[i] -= lr[i] * (m2[i] / (1 - Math.pow(0.9, t)))
            / (Math.sqrt(v2[i] / (1 - Math.pow(0.999, t))) + 1e-8);
      }
      assertThat(x).containsExactly(rx);
      assertThat(y).containsExactly(ry);
    }
  }

  @Test
  void minimisesAQuadratic() {
    Adam adam = Adam.uniform(Adam.Settings.pytorch(), 2, 0.05);
    double[] x = {3, -4};
    for (int t = 0; t < 2000; t++) {
      adam.step(x, new double[] {2 * (x[0] - 1), 2 * (x[1] + 2)});
    }
    assertThat(Math.abs(x[0] - 1)).isLessThan(1e-3);
    assertThat(Math.abs(x[1] + 2)).isLessThan(1e-3);
  }

  @Test
  void rejectsNonFiniteGradientsWhenAsked() {
    Adam adam = new Adam(Adam.Settings.pytorch(), new double[] {0.1}, true);
    assertThatThrownBy(() -> adam.step(new double[] {1}, new double[] {Double.NaN}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("entry 0");
    assertThatThrownBy(() -> adam.step(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 entries");
  }
}
