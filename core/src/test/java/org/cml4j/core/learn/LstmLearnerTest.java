package org.cml4j.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LstmLearnerTest {
  static final int LAG = 3;

  /** x_t iid N(0, 1); y_t = x_{t-3} (NaN for the first 3 rows, where it is undefined). */
  static double[][][] laggedSeries(int rows, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[rows][1];
    double[][] y = new double[rows][1];
    for (int t = 0; t < rows; t++) {
      x[t][0] = r.nextGaussian();
      y[t][0] = t >= LAG ? x[t - LAG][0] : Double.NaN;
    }
    return new double[][][] {x, y};
  }

  @Test
  void lstmLearnsLaggedDependenceThatMlpCannot() {
    double[][][] train = laggedSeries(800, 1);
    double[][][] val = laggedSeries(200, 2);
    double[][][] test = laggedSeries(300, 3);
    Learner lstm = Learners.create(LearnerSpec.lstm(8, 4).withEpochs(10).withBatchSize(32)
        .withLearningRate(1e-2), 1, 1);
    TrainingReport r = lstm.fit(train[0], train[1], val[0], val[1]);
    double r2Lstm = Synthetic.r2(lstm.predict(test[0]), test[1], 0);
    assertThat(r2Lstm).as("LSTM held-out R² (%s)", r).isGreaterThan(0.9);

    Learner mlp = Learners.create(LearnerSpec.mlp(12).withEpochs(10), 1, 1);
    mlp.fit(train[0], train[1], val[0], val[1]);
    double r2Mlp = Synthetic.r2(mlp.predict(test[0]), test[1], 0);
    assertThat(r2Mlp).as("MLP on x_t alone").isLessThan(0.1);
  }

  @Test
  void firstRowsArePaddedWithRowZero() {
    int lookback = 4;
    Learner l = Learners.create(LearnerSpec.lstm(5, lookback), 2, 1);
    double[][] x = BackpropTest.data(10, 2, 4);
    double[][] padded = new double[10 + lookback - 1][];
    for (int i = 0; i < padded.length; i++) {
      padded[i] = x[Math.max(0, i - (lookback - 1))].clone();
    }
    double[][] p = l.predict(x);
    double[][] pp = l.predict(padded);
    for (int t = 0; t < 10; t++) {
      assertThat(p[t][0]).as("row %d", t).isEqualTo(pp[t + lookback - 1][0]);
    }
    // rows past the window do not depend on earlier rows
    double[][] changed = new double[10][];
    for (int i = 0; i < 10; i++) {
      changed[i] = x[i].clone();
    }
    changed[0][0] += 5;
    double[][] pc = l.predict(changed);
    assertThat(pc[lookback][0]).isEqualTo(p[lookback][0]);
    assertThat(pc[lookback - 1][0]).isNotEqualTo(p[lookback - 1][0]);
  }

  @Test
  void sameSeedReproducesLstmTraining() {
    double[][][] d = laggedSeries(200, 5);
    LearnerSpec spec = LearnerSpec.lstm(4, 4).withEpochs(3).withSeed(11);
    Learner a = Learners.create(spec, 1, 1);
    Learner b = Learners.create(spec, 1, 1);
    a.fit(d[0], d[1], null, null);
    b.fit(d[0], d[1], null, null);
    assertThat(b.params()).containsExactly(a.params());
    Learner c = a.copy();
    double[][] pa = a.predict(d[0]);
    double[][] pc = c.predict(d[0]);
    assertThat(pc[100][0]).isEqualTo(pa[100][0]);
    assertThat(pa[100][0]).isCloseTo(b.predict(d[0])[100][0], within(0.0));
  }
}
