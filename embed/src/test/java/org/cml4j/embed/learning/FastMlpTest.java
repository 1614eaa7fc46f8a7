package org.cml4j.embed.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.cml4j.core.learn.Activation;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.junit.jupiter.api.Test;

class FastMlpTest {
  @Test
  void plainJavaForwardPassEqualsTheNetwork() {
    Random rnd = new Random(1);
    double[][] x = new double[200][3];
    double[][] y = new double[200][2];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = 10 + 5 * rnd.nextGaussian();
      }
      y[i][0] = Math.sin(x[i][0] / 5) + x[i][1] * 0.1;
      y[i][1] = 300 + x[i][2];
    }
    for (Activation a : new Activation[] {Activation.TANH, Activation.SOFTPLUS, Activation.RELU}) {
      Learner l = Learners.create(LearnerSpec.mlp(8, 5).withActivation(a).withEpochs(5), 3, 2);
      l.fit(x, y, null, null);
      FastMlp f = FastMlp.of(l);
      double[][] p = l.predict(x);
      double[] out = new double[2];
      double max = 0;
      for (int i = 0; i < x.length; i++) {
        f.predict(x[i], out);
        max = Math.max(max, Math.max(Math.abs(out[0] - p[i][0]), Math.abs(out[1] - p[i][1])));
      }
      assertThat(max).as(a.toString()).isLessThan(1e-9);
    }
  }

  @Test
  void rejectsRecurrentNetworks() {
    Learner l = Learners.create(LearnerSpec.lstm(4, 3), 2, 1);
    assertThatThrownBy(() -> FastMlp.of(l)).hasMessageContaining("MLP");
  }
}
