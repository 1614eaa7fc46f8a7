package org.cml4j.fuse.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.adjoint.AdjointNetwork;
import org.cml4j.core.learn.adjoint.BoundedParameterHead;
import org.cml4j.core.learn.adjoint.JointConstants;
import org.cml4j.core.learn.adjoint.PhysicsHead;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.data.FeatureSpec;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end gradient of the physics-layer misfit (network -> head -> mechanism, back through
 * the mechanism's discrete adjoint, the head's chain rule and the network's backprop) against
 * central finite differences of the misfit with respect to every network weight.
 */
class AdjointChainGradientTest {
  @Test
  void boundedParameterHead() {
    assertThat(check(new BoundedParameterHead(List.of("hbeta"), new double[] {1},
        new double[] {100}), 0.5)).isLessThan(1e-6);
  }

  @Test
  void forcingCorrectionHead() {
    assertThat(check(new ForcingCorrectionHead(Variables.LWDOWN, 60), 0)).isLessThan(1e-6);
  }

  static double check(PhysicsHead head, double bias) {
    CouplingTask task = TaskCatalog.tiny(null, 3).task("twin-n1").task();
    List<String> vars = CalibrationProblem.defaultVariables(task, task.observations());
    Map<String, Double> p = CalibrationProblem.defaultGuess(task, task.observations());
    ModelInput base = new ModelInput(task.forcing(), p, Map.of(), vars,
        task.initialObservations());
    double[][] x = FeatureSpec.standard(List.of("SWdown", "Tair", "Wind")).matrix(task.forcing(),
        task.auxiliary());
    Learner net = AdjointTraining.network(new int[] {3}, x, new double[] {bias},
        new double[] {0.5}, 5);
    double[] w = net.params();
    // move away from the small-output start so every weight matters
    for (int i = 0; i < w.length; i++) {
      w[i] += 0.3 * Math.sin(1.7 * i);
    }
    net.setParams(w);
    AdjointNetwork an = new AdjointNetwork(new AdjointNetwork.Problem(task.mechanism(), base,
        head, x, AdjointTraining.Objective.of(task, vars), JointConstants.none()), net);
    AdjointNetwork.Pass pass = an.forward();
    double[] gradient = an.gradient(pass);
    double worst = 0;
    double largest = 0;
    for (int i = 0; i < w.length; i++) {
      double h = 1e-6 * Math.max(1, Math.abs(w[i]));
      double keep = w[i];
      w[i] = keep + h;
      net.setParams(w);
      double up = an.forward().evaluation().loss();
      w[i] = keep - h;
      net.setParams(w);
      double down = an.forward().evaluation().loss();
      w[i] = keep;
      net.setParams(w);
      worst = Math.max(worst, Math.abs((up - down) / (2 * h) - gradient[i]));
      largest = Math.max(largest, Math.abs(gradient[i]));
    }
    System.out.printf("adjoint chain %s: misfit %.4g, max |adjoint - FD| / max |gradient| %.2e"
        + " over %d weights%n", head.getClass().getSimpleName(), pass.evaluation().loss(),
        worst / largest, w.length);
    assertThat(largest).isGreaterThan(0);
    return worst / largest;
  }
}
