package org.cml4j.embed.assimilation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class EnkfCouplingTest {
  @Test
  void structuralTwin() {
    TwinScenario sc = TwinScenario.builder().days(16).seed(4).resolution(201, 12).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05")).withTargets(List.of("SoilTemp_0.05",
            "SoilTemp_0.2")));
    CouplingSolution s = new EnkfCoupling().solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer())
        .solve(task);
    int from = task.split().validationEnd();
    int to = task.split().size();
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      System.out.printf("%s enkf test %.3f baseline test %.3f | analysis %.3f free %.3f%n", t,
          TaskSupport.rmse(s.prediction(t), truth, from, to),
          TaskSupport.rmse(b.prediction(t), truth, from, to),
          TaskSupport.rmse(s.prediction(t), truth, 0, from),
          TaskSupport.rmse(b.prediction(t), truth, 0, from));
    }
    System.out.println(s.parameters() + " " + b.parameters());
  }
}
