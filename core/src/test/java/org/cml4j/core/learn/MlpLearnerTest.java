package org.cml4j.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpLearnerTest {

  @Test
  void learnsSmoothNonlinearFunction() {
    double[][] x = Synthetic.uniform(1200, 2, 1);
    double[][] y = Synthetic.smooth(x);
    double[][] xTest = Synthetic.uniform(500, 2, 2);
    Learner l = Learners.create(LearnerSpec.mlp(32, 32).withEpochs(30), 2, 1);
    TrainingReport r = l.fit(Synthetic.rows(x, 0, 1000), Synthetic.rows(y, 0, 1000),
        Synthetic.rows(x, 1000, 1200), Synthetic.rows(y, 1000, 1200));
    double r2 = Synthetic.r2(l.predict(xTest), Synthetic.smooth(xTest), 0);
    assertThat(r2).as("held-out R² (%s)", r).isGreaterThan(0.95);
    assertThat(r.trainLoss()).hasSize(r.epochs()).doesNotContain(Double.NaN);
    assertThat(r.finalTrainLoss()).isLessThan(r.trainLoss()[0]);
    assertThat(l.targetScaler().mean(0)).isCloseTo(20, within(2.0));
  }

  @Test
  void sameSeedGivesIdenticalPredictionsAndOtherSeedDiffers() {
    double[][] x = Synthetic.uniform(300, 2, 3);
    double[][] y = Synthetic.smooth(x);
    LearnerSpec spec = LearnerSpec.mlp(8, 8).withEpochs(8).withSeed(7);
    Learner a = Learners.create(spec, 2, 1);
    Learner b = Learners.create(spec, 2, 1);
    Learner c = Learners.create(spec.withSeed(8), 2, 1);
    TrainingReport ra = a.fit(x, y, x, y);
    TrainingReport rb = b.fit(x, y, x, y);
    c.fit(x, y, x, y);
    assertThat(b.params()).containsExactly(a.params());
    assertThat(rb.trainLoss()).containsExactly(ra.trainLoss());
    double[][] pa = a.predict(x);
    double[][] pb = b.predict(x);
    double[][] pc = c.predict(x);
    for (int i = 0; i < x.length; i++) {
      assertThat(pb[i]).containsExactly(pa[i]);
    }
    assertThat(pc[0][0]).isNotEqualTo(pa[0][0]);
    // re-fitting the same learner starts again from the seeded initialisation
    a.fit(x, y, x, y);
    assertThat(a.params()).containsExactly(b.params());
  }

  @Test
  void earlyStoppingRestoresBestValidationEpoch() {
    // 40 noisy rows and a wide net at a high rate: validation loss turns up while training falls
    Random rnd = new Random(5);
    double[][] x = Synthetic.uniform(240, 1, 4);
    double[][] y = new double[240][1];
    for (int i = 0; i < 240; i++) {
      y[i][0] = Math.sin(2 * x[i][0]) + 0.6 * rnd.nextGaussian();
    }
    double[][] xt = Synthetic.rows(x, 0, 40);
    double[][] yt = Synthetic.rows(y, 0, 40);
    double[][] xv = Synthetic.rows(x, 40, 240);
    double[][] yv = Synthetic.rows(y, 40, 240);
    LearnerSpec spec = LearnerSpec.mlp(64, 64).withLearningRate(2e-2).withBatchSize(8)
        .withEpochs(300).withPatience(15);
    Learner l = Learners.create(spec, 1, 1);
    TrainingReport r = l.fit(xt, yt, xv, yv);
    assertThat(r.earlyStopped()).as("%s", r).isTrue();
    assertThat(r.epochs()).isEqualTo(r.bestEpoch() + 15).isLessThan(300);
    double[] val = r.valLoss();
    assertThat(r.bestValLoss()).isEqualTo(java.util.Arrays.stream(val).min().orElseThrow());
    assertThat(val[val.length - 1]).isGreaterThan(r.bestValLoss());
    assertThat(valLoss(l, xv, yv)).as("validation loss of the kept weights")
        .isCloseTo(r.bestValLoss(), within(1e-12));

    // patience 0: all epochs run, best epoch still restored
    Learner all = Learners.create(spec.withPatience(0).withEpochs(60), 1, 1);
    TrainingReport ra = all.fit(xt, yt, xv, yv);
    assertThat(ra.epochs()).isEqualTo(60);
    assertThat(ra.earlyStopped()).isFalse();
    assertThat(valLoss(all, xv, yv)).isCloseTo(ra.bestValLoss(), within(1e-12));
  }

  @Test
  void withoutValidationAllEpochsRunAndLastWeightsKept() {
    double[][] x = Synthetic.uniform(100, 2, 6);
    Learner l = Learners.create(LearnerSpec.mlp(4).withEpochs(5), 2, 1);
    TrainingReport r = l.fit(x, Synthetic.smooth(x), null, null);
    assertThat(r.epochs()).isEqualTo(5);
    assertThat(r.bestEpoch()).isEqualTo(5);
    assertThat(r.valLoss()).containsOnly(Double.NaN);
    assertThat(r.bestValLoss()).isNaN();
  }

  @Test
  void fineTuneAdaptsToShiftedTargetKeepingScalers() {
    double[][] x = Synthetic.uniform(600, 2, 8);
    double[][] y = Synthetic.smooth(x);
    Learner l = Learners.create(LearnerSpec.mlp(16, 16).withEpochs(40), 2, 1);
    l.fit(x, y, null, null);
    Standardizer ys = l.targetScaler();
    Learner before = l.copy();
    // "target site": same shape, offset by +2 units, only 150 rows
    double[][] xs = Synthetic.rows(x, 0, 150);
    double[][] ysite = new double[150][1];
    for (int i = 0; i < 150; i++) {
      ysite[i][0] = y[i][0] + 2;
    }
    double[][] xTest = Synthetic.uniform(300, 2, 9);
    double[][] yTest = Synthetic.smooth(xTest);
    for (double[] row : yTest) {
      row[0] += 2;
    }
    TrainingReport r = l.fineTune(xs, ysite, null, null, 40, 3e-3);
    assertThat(r.epochs()).isEqualTo(40);
    assertThat(l.targetScaler()).isSameAs(ys);
    double rmseBefore = rmse(before.predict(xTest), yTest);
    double rmseAfter = rmse(l.predict(xTest), yTest);
    assertThat(rmseBefore).isGreaterThan(1.5);
    assertThat(rmseAfter).as("before %s", rmseBefore).isLessThan(0.6)
        .isLessThan(0.3 * rmseBefore);
    // the copy was independent of the fine-tune
    assertThat(before.params()).isNotEqualTo(l.params());
  }

  @Test
  void fineTuneWithValidationKeepsStartingWeightsIfNeverBetter() {
    double[][] x = Synthetic.uniform(400, 2, 10);
    double[][] y = Synthetic.smooth(x);
    Learner l = Learners.create(LearnerSpec.mlp(16).withEpochs(30), 2, 1);
    l.fit(x, y, null, null);
    double[] start = l.params();
    // validation on the original function, training on pure noise at a huge step: never better
    double[][] noise = new double[400][1];
    Random rnd = new Random(3);
    for (double[] row : noise) {
      row[0] = 20 + 40 * rnd.nextGaussian();
    }
    TrainingReport r = l.fineTune(x, noise, x, y, 10, 5e-2);
    assertThat(r.bestEpoch()).isZero();
    assertThat(l.params()).containsExactly(start);
  }

  static double valLoss(Learner l, double[][] x, double[][] y) {
    double[][] p = l.predict(x);
    double s = l.targetScaler().scale(0);
    double ss = 0;
    for (int i = 0; i < x.length; i++) {
      double d = (p[i][0] - y[i][0]) / s;
      ss += d * d;
    }
    return ss / x.length;
  }

  static double rmse(double[][] p, double[][] y) {
    return org.cml4j.core.metrics.Metrics.rmse(org.cml4j.core.metrics.Metrics.column(p, 0),
        org.cml4j.core.metrics.Metrics.column(y, 0));
  }
}
