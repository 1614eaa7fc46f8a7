package org.cml4j.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gaps in targets, bad input and spec validation. */
class LearnerInputTest {

  @Test
  void nanTargetsAreMaskedPerOutput() {
    Random rnd = new Random(4);
    double[][] x = Synthetic.uniform(700, 2, 12);
    double[][] y = new double[700][2];
    int gaps = 0;
    for (int i = 0; i < 700; i++) {
      y[i][0] = Math.sin(2 * x[i][0]) + x[i][1];
      y[i][1] = 100 + 10 * Math.cos(x[i][1]);
      // 30 % gaps per output, independently; some rows lose both
      for (int j = 0; j < 2; j++) {
        if (rnd.nextDouble() < 0.3) {
          y[i][j] = Double.NaN;
          gaps++;
        }
      }
    }
    assertThat(gaps).isGreaterThan(350);
    Learner l = Learners.create(LearnerSpec.mlp(16, 16).withEpochs(40), 2, 2);
    TrainingReport r = l.fit(Synthetic.rows(x, 0, 600), Synthetic.rows(y, 0, 600),
        Synthetic.rows(x, 600, 700), Synthetic.rows(y, 600, 700));
    assertThat(r.trainLoss()).doesNotContain(Double.NaN);
    assertThat(r.bestValLoss()).isLessThan(0.05);
    // scalers use only the observed entries: mean of output 1 stays near 100 (zeros would drag it)
    // E[cos U(-1.5, 1.5)] = sin(1.5) / 1.5
    assertThat(l.targetScaler().mean(1)).isCloseTo(100 + 10 * Math.sin(1.5) / 1.5, within(0.5));
    double[][] xTest = Synthetic.uniform(300, 2, 13);
    double[][] yTest = new double[300][2];
    for (int i = 0; i < 300; i++) {
      yTest[i][0] = Math.sin(2 * xTest[i][0]) + xTest[i][1];
      yTest[i][1] = 100 + 10 * Math.cos(xTest[i][1]);
    }
    double[][] p = l.predict(xTest);
    assertThat(Synthetic.r2(p, yTest, 0)).isGreaterThan(0.95);
    assertThat(Synthetic.r2(p, yTest, 1)).isGreaterThan(0.95);
  }

  @Test
  void nanFeatureNamesRowAndColumn() {
    Learner l = Learners.create(LearnerSpec.mlp(4), 3, 1);
    double[][] x = new double[5][3];
    x[3][1] = Double.NaN;
    assertThatThrownBy(() -> l.fit(x, new double[5][1], null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xTrain row 3, column 1 is NaN");
    assertThatThrownBy(() -> l.predict(x)).hasMessageContaining("x row 3, column 1 is NaN");
    double[][] y = new double[5][1];
    y[2][0] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> l.fit(new double[5][3], y, null, null))
        .hasMessageContaining("yTrain row 2, column 0 is Infinity");
  }

  @Test
  void shapeMismatchesNameShapes() {
    Learner l = Learners.create(LearnerSpec.mlp(4), 2, 1);
    assertThatThrownBy(() -> l.fit(new double[10][2], new double[9][1], null, null))
        .hasMessageContaining("xTrain has 10 rows but yTrain has 9");
    assertThatThrownBy(() -> l.fit(new double[10][3], new double[10][1], null, null))
        .hasMessageContaining("xTrain has shape [10][3]").hasMessageContaining("nIn = 2");
    assertThatThrownBy(() -> l.fit(new double[10][2], new double[10][2], null, null))
        .hasMessageContaining("yTrain has shape [10][2]").hasMessageContaining("nOut = 1");
    assertThatThrownBy(() -> l.fit(new double[10][2], new double[10][1], new double[3][2], null))
        .hasMessageContaining("xVal and yVal");
    assertThatThrownBy(() -> l.backprop(new double[4][2], new double[3][1]))
        .hasMessageContaining("x has 4 rows but dLossDy has 3");
    assertThatThrownBy(() -> l.setParams(new double[3]))
        .hasMessageContaining("params has length 3, expected " + l.numParams());
    assertThatThrownBy(() -> l.fit(new double[0][2], new double[0][1], null, null))
        .hasMessageContaining("xTrain has no rows");
  }

  @Test
  void allNaNTargetsAreRejected() {
    Learner l = Learners.create(LearnerSpec.mlp(4), 1, 2);
    double[][] y = new double[6][2];
    for (double[] row : y) {
      row[1] = Double.NaN;
    }
    assertThatThrownBy(() -> l.fit(new double[6][1], y, null, null))
        .hasMessageContaining("yTrain column 1 has no finite value");
  }

  @Test
  void constantColumnsDoNotProduceNaN() {
    double[][] x = Synthetic.uniform(200, 2, 14);
    double[][] y = new double[200][1];
    for (int i = 0; i < 200; i++) {
      x[i][1] = 7; // constant feature
      y[i][0] = 3; // constant target
    }
    Learner l = Learners.create(LearnerSpec.mlp(4).withEpochs(5), 2, 1);
    TrainingReport r = l.fit(x, y, null, null);
    assertThat(l.featureScaler().scale(1)).isEqualTo(1.0);
    assertThat(l.targetScaler().scale(0)).isEqualTo(1.0);
    assertThat(r.finalTrainLoss()).isFinite();
    assertThat(l.predict(x)[0][0]).isCloseTo(3, within(0.5));
  }

  @Test
  void divergenceIsReportedAndWeightsReset() {
    double[][] x = Synthetic.uniform(64, 2, 15);
    Learner l = Learners.create(LearnerSpec.mlp(4).withEpochs(3).withLearningRate(1e300), 2, 1);
    assertThatThrownBy(() -> l.fit(x, Synthetic.smooth(x), null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("training diverged in epoch 1")
        .hasMessageContaining("lower the learning rate");
    assertThat(l.params()).doesNotContain(Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY);
    assertThat(l.predict(x)[0][0]).isFinite();
  }

  @Test
  void specValidation() {
    assertThatThrownBy(() -> LearnerSpec.mlp()).hasMessageContaining("at least one hidden");
    assertThatThrownBy(() -> LearnerSpec.mlp(4, 0)).hasMessageContaining("hidden layer 1 width 0");
    assertThatThrownBy(() -> LearnerSpec.mlp(4).withLearningRate(0))
        .hasMessageContaining("learningRate = 0.0 out of range");
    assertThatThrownBy(() -> LearnerSpec.mlp(4).withLookback(3))
        .hasMessageContaining("lookback 3 needs kind LSTM");
    assertThatThrownBy(() -> LearnerSpec.lstm(4, 0)).hasMessageContaining("lookback = 0");
    assertThatThrownBy(() -> Learners.create(LearnerSpec.mlp(4), 0, 1))
        .hasMessageContaining("nIn = 0");
    int[] h = {3, 2};
    LearnerSpec s = LearnerSpec.mlp(h);
    h[0] = 99;
    assertThat(s.hidden()).containsExactly(3, 2);
    assertThat(s.withSeed(5)).isEqualTo(LearnerSpec.mlp(3, 2).withSeed(5));
  }

  @Test
  void setScalersAndParamsRoundTrip() {
    Learner l = Learners.create(LearnerSpec.mlp(3), 1, 1);
    l.setScalers(Standardizer.identity(1), Standardizer.of(new double[] {15}, new double[] {5}));
    double[] p = l.params();
    assertThat(p).hasSize(l.numParams()).hasSize(3 * 1 + 3 + 3 + 1);
    java.util.Arrays.fill(p, 0);
    l.setParams(p);
    // zero weights: the network outputs z = 0, i.e. the target mean
    assertThat(l.predict(new double[][] {{0.3}})[0][0]).isEqualTo(15.0);
    assertThatThrownBy(() -> l.setScalers(Standardizer.identity(2), Standardizer.identity(1)))
        .hasMessageContaining("expected nIn = 1");
  }
}
