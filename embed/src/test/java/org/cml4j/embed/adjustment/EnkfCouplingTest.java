package org.cml4j.embed.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.TaskSupport;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.twin.TwinScenario;
import org.junit.jupiter.api.Test;

class EnkfCouplingTest {
  @Test
  void filterForecastBeatsTheCalibratedPhysicsOnTheStructuralTwin() {
    TwinScenario sc = TwinScenario.builder().days(16).seed(4).resolution(201, 12).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05"))
        .withTargets(List.of("SoilTemp_0.05", "SoilTemp_0.2")));
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution s = new EnkfCoupling(d).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    int from = task.split().validationEnd();
    int to = task.split().size();
    double enkf = 0;
    double base = 0;
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      enkf += TaskSupport.rmse(s.prediction(t), truth, from, to);
      base += TaskSupport.rmse(b.prediction(t), truth, from, to);
      assertThat(s.diagnostics().scalars().get("analysisRmse_SoilTemp_0.05"))
          .isLessThan(s.diagnostics().scalars().get("freeRunRmse_SoilTemp_0.05"));
    }
    assertThat(enkf).isLessThan(base);
    assertThat(s.parameters()).containsKeys("lambda", "C", "hbeta");
    assertThat(s.diagnostics().curves()).containsKey("parameterMean_lambda");
  }
}
