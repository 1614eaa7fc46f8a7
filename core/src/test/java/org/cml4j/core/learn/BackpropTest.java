package org.cml4j.core.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Learner#backprop} and {@link Learner#inputGradient} against central finite differences
 * of {@code sum(seed .* predict(x))}, with non-trivial scalers (so their chain rule is checked).
 */
class BackpropTest {

  /**
   * A briefly trained learner and the data its gradients are checked on.
   *
   * @param spec network; trained on {@code trainRows} rows of {@code nIn} inputs, {@code nOut}
   *     outputs
   * @param rows rows of the checked input (its values seeded with {@code seed}, the upstream
   *     gradient with {@code seed + 1})
   */
  record Case(String label, LearnerSpec spec, int nIn, int nOut, int trainRows, int rows,
      long seed) {
    Learner learner() {
      return trained(spec, nIn, nOut, trainRows);
    }

    double[][] x() {
      return data(rows, nIn, seed);
    }

    double[][] upstream() {
      return BackpropTest.seed(rows, nOut, seed + 1);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Case> parameterCases() {
    return Stream.of(
        new Case("mlp", LearnerSpec.mlp(5, 4).withActivation(Activation.TANH), 3, 2, 40, 40, 11),
        // 16 rows, lookback 6: the first 5 windows are padded with row 0
        new Case("lstm", LearnerSpec.lstm(4, 6), 2, 2, 60, 16, 21),
        new Case("stacked lstm, softplus", new LearnerSpec(LearnerSpec.Kind.LSTM,
            new int[] {3, 2}, Activation.SOFTPLUS, 3, 16, 1e-2, 1e-4, 0, 4, 5), 2, 1, 40, 10, 31));
  }

  static Stream<Case> inputCases() {
    return Stream.of(
        new Case("mlp, softplus", LearnerSpec.mlp(6).withActivation(Activation.SOFTPLUS), 3, 2,
            40, 15, 41),
        // the LSTM's input gradient sums over the windows each row appears in
        new Case("lstm", LearnerSpec.lstm(4, 5), 2, 1, 60, 14, 51));
  }

  @ParameterizedTest
  @MethodSource("parameterCases")
  void parameterGradientMatchesFiniteDifferences(Case c) {
    checkParams(c.learner(), c.x(), c.upstream(), 1e-7);
  }

  @ParameterizedTest
  @MethodSource("inputCases")
  void inputGradientMatchesFiniteDifferences(Case c) {
    checkInputs(c.learner(), c.x(), c.upstream(), 1e-7);
  }

  @Test
  void zeroSeedGivesZeroGradient() {
    Learner l = trained(LearnerSpec.mlp(4), 2, 1, 30);
    assertThat(l.backprop(data(5, 2, 1), new double[5][1])).containsOnly(0.0);
  }

  /** Briefly trained (so weights and scalers are not at their initial values). */
  static Learner trained(LearnerSpec spec, int nIn, int nOut, int rows) {
    Learner l = Learners.create(spec.withEpochs(3).withBatchSize(16), nIn, nOut);
    double[][] x = data(rows, nIn, 1);
    double[][] y = new double[rows][nOut];
    for (int t = 0; t < rows; t++) {
      for (int j = 0; j < nOut; j++) {
        y[t][j] = 50 + 20 * Math.sin(x[t][0] * (j + 1)) + 3 * x[t][nIn - 1];
      }
    }
    l.fit(x, y, null, null);
    assertThat(l.targetScaler().scale(0)).isGreaterThan(2);
    return l;
  }

  /** Inputs: column {@code j} is Gaussian with mean {@code 10 j} and sd {@code 1 + j}. */
  static double[][] data(int rows, int cols, long seed) {
    return gaussian(rows, cols, seed, j -> 10 * j, j -> 1 + j);
  }

  /** Zero-mean upstream gradient (keeps the objective O(10), so FD rounding stays ~1e-9). */
  static double[][] seed(int rows, int cols, long seed) {
    return gaussian(rows, cols, seed, j -> 0, j -> 1);
  }

  /** Seeded Gaussian matrix, column {@code j} with the given mean and standard deviation. */
  static double[][] gaussian(int rows, int cols, long seed, IntToDoubleFunction mean,
      IntToDoubleFunction sd) {
    Random r = new Random(seed);
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = mean.applyAsDouble(j) + sd.applyAsDouble(j) * r.nextGaussian();
      }
    }
    return x;
  }

  static double objective(Learner l, double[][] x, double[][] s) {
    double[][] y = l.predict(x);
    double sum = 0;
    for (int t = 0; t < y.length; t++) {
      for (int j = 0; j < y[t].length; j++) {
        sum += s[t][j] * y[t][j];
      }
    }
    return sum;
  }

  /**
   * Fourth-order central difference, h = 1e-4 max(1, |v|): truncation ~h^4, rounding
   * ~1e-16 |f| / h,
   * both far below the 1e-7 tolerance for objectives of O(100).
   */
  static double derivative(double v, java.util.function.DoubleUnaryOperator f) {
    double h = 1e-4 * Math.max(1, Math.abs(v));
    return (f.applyAsDouble(v - 2 * h) - 8 * f.applyAsDouble(v - h) + 8 * f.applyAsDouble(v + h)
        - f.applyAsDouble(v + 2 * h)) / (12 * h);
  }

  static void checkParams(Learner l, double[][] x, double[][] s, double relTol) {
    double[] g = l.backprop(x, s);
    double[] p = l.params();
    assertThat(g).hasSize(l.numParams());
    double scale = 0;
    for (double v : g) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertThat(scale).isGreaterThan(1e-3);
    double worst = 0;
    // every parameter up to 40, else an even stride through all layers (~40 checks)
    int stride = Math.max(1, p.length / 40);
    for (int i = 0; i < p.length; i += stride) {
      final int k = i;
      double fd = derivative(p[i], v -> {
        double[] q = p.clone();
        q[k] = v;
        l.setParams(q);
        return objective(l, x, s);
      });
      worst = Math.max(worst, Math.abs(fd - g[i]) / (Math.abs(g[i]) + 1e-3 * scale));
    }
    l.setParams(p);
    assertThat(worst).as("max relative error of %d parameter gradients", p.length)
        .isLessThan(relTol);
  }

  static void checkInputs(Learner l, double[][] x, double[][] s, double relTol) {
    double[][] g = l.inputGradient(x, s);
    double scale = 0;
    for (double[] row : g) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    assertThat(scale).isGreaterThan(1e-3);
    double worst = 0;
    for (int t = 0; t < x.length; t++) {
      for (int j = 0; j < x[t].length; j++) {
        double v = x[t][j];
        double[] row = x[t];
        final int c = j;
        double fd = derivative(v, u -> {
          row[c] = u;
          return objective(l, x, s);
        });
        row[j] = v;
        worst = Math.max(worst, Math.abs(fd - g[t][j]) / (Math.abs(g[t][j]) + 1e-3 * scale));
      }
    }
    assertThat(worst).as("max relative error of input gradients").isLessThan(relTol);
  }
}
