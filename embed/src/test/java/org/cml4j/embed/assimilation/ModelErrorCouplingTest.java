package org.cml4j.embed.assimilation;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class ModelErrorCouplingTest {
  @Test
  void twin() {
    TwinScenario sc = TwinScenario.builder().days(20).seed(4).resolution(201, 12).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05")).withTargets(List.of("SurfTemp",
            "SoilTemp_0.05", "SoilTemp_0.2")).withSplit(0.6, 0.15));
    CouplingDefaults def = CouplingDefaults.standard();
    CouplingSolution c = new ModelErrorCoupling(def).solve(task);
    CouplingSolution p = new ModelErrorCoupling(def, EnkfConfig.standard(), EnkfSetup.defaults(),
        false).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(def.optimizer()).solve(task);
    c.diagnostics().scalars().forEach((k, v) -> System.out.println(k + " = " + v));
    int from = task.split().validationEnd();
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      System.out.printf("%s corrected %.3f plain %.3f base %.3f%n", t,
          TaskSupport.rmse(c.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(p.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(b.prediction(t), truth, from, task.split().size()));
    }
  }
}
