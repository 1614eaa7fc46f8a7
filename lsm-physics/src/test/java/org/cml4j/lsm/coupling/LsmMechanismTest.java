package org.cml4j.lsm.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.SurfaceForcing;
import org.junit.jupiter.api.Test;

class LsmMechanismTest {
  static Frame forcing(int n) {
    SurfaceForcing f = Huang2025.forcing(n);
    return Frame.regular(n, 3600).with("SWdown", f.kdown()).with("LWdown", f.ldown())
        .with("Tair", f.ta());
  }

  static final Map<String, Double> TRUTH = Map.of("alpha", 0.2, "lambda", 0.8, "C", 2.2e6,
      "hbeta", 25.0, "Tb", 293.0);

  @Test
  void spiAdjointAndTangentMatchFiniteDifferences() {
    LsmMechanism m = LsmMechanism.huang2025();
    Frame f = forcing(48);
    List<String> outs = List.of("SoilTemp_0.05", "LWup");
    ModelInput in = ModelInput.of(f, TRUTH, outs);
    ModelRun run = m.run(in);
    double[][] seed = new double[48][2];
    seed[47][0] = 1;
    seed[30][1] = 0.01;
    var g = run.vjp(seed);
    double[][][] j = run.jacobian(List.of("lambda", "hbeta"));
    for (String p : List.of("lambda", "hbeta", "Tb")) {
      double h = 1e-6 * TRUTH.get(p);
      Map<String, Double> up = new java.util.HashMap<>(TRUTH);
      up.put(p, TRUTH.get(p) + h);
      Map<String, Double> dn = new java.util.HashMap<>(TRUTH);
      dn.put(p, TRUTH.get(p) - h);
      Frame a = m.run(in.withParameters(up)).outputs();
      Frame b = m.run(in.withParameters(dn)).outputs();
      double fd = (a.values("SoilTemp_0.05")[47] - b.values("SoilTemp_0.05")[47]) / (2 * h)
          + 0.01 * (a.values("LWup")[30] - b.values("LWup")[30]) / (2 * h);
      assertThat(g.constant().get(p)).isCloseTo(fd, org.assertj.core.data.Percentage
          .withPercentage(1e-3));
      if (!p.equals("Tb")) {
        int k = p.equals("lambda") ? 0 : 1;
        assertThat(j[47][0][k] + 0.01 * j[30][1][k]).isCloseTo(fd,
            org.assertj.core.data.Percentage.withPercentage(1e-3));
      }
    }
    assertThat(m.canSimulate("Qh")).isFalse();
    assertThat(m.canSimulate("SoilTemp_0.5")).isTrue();
    assertThatThrownBy(() -> m.run(in.withParameters(Map.of("lambda", -1.0))))
        .hasMessageContaining("lambda = -1.0 W m-1 K-1 outside its allowed range");
  }

  @Test
  void physicsOnlyBaselineRecoversTwinParametersAndPredictsUnobservedDepth() {
    LsmMechanism m = LsmMechanism.huang2025();
    int n = 240;
    Frame f = forcing(n);
    Frame truth = m.run(ModelInput.of(f, TRUTH, List.of("SoilTemp_0.05", "SoilTemp_0.2",
        "SoilTemp_0.1"))).outputs();
    Random r = new Random(11);
    Frame obs = Frame.regular(n, 3600);
    for (String v : List.of("SoilTemp_0.05", "SoilTemp_0.2")) {
      double[] x = truth.values(v);
      for (int i = 0; i < n; i++) {
        x[i] += 0.05 * r.nextGaussian();
      }
      obs = obs.with(v, x);
    }
    CouplingTask task = CouplingTask.builder().name("twin").mechanism(m).forcing(f)
        .observations(obs).split(TimeSplit.fractions(n, 0.5, 0.2))
        .targets(List.of("SoilTemp_0.1", "Qh")).budget(Budget.tiny()).seed(3)
        .fitParameters(List.of("lambda", "C", "hbeta", "Tb")).knownParameter("alpha", 0.2)
        .build();
    CouplingSolution s = new PhysicsOnlyBaseline(new OptimizerSettings("lm", 100, 200, 2,
        1e-10)).solve(task);
    assertThat(s.parameters().get("lambda")).isCloseTo(0.8, org.assertj.core.data.Percentage
        .withPercentage(3));
    assertThat(s.parameters().get("hbeta")).isCloseTo(25, org.assertj.core.data.Percentage
        .withPercentage(3));
    assertThat(s.predictions().has("Qh")).isFalse();
    double[] p = s.prediction("SoilTemp_0.1");
    double[] t = truth.values("SoilTemp_0.1");
    double se = 0;
    for (int i = task.split().validationEnd(); i < n; i++) {
      se += (p[i] - t[i]) * (p[i] - t[i]);
    }
    assertThat(Math.sqrt(se / (n - task.split().validationEnd()))).isLessThan(0.05);
  }
}
