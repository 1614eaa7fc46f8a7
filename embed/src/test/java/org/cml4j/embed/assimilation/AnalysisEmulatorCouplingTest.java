package org.cml4j.embed.assimilation;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class AnalysisEmulatorCouplingTest {
  @Test
  void twin() {
    TwinScenario sc = TwinScenario.builder().days(20).seed(4).resolution(201, 12).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05")).withTargets(List.of("SurfTemp",
            "SoilTemp_0.05", "SoilTemp_0.2")).withSplit(0.5, 0.3));
    CouplingDefaults def = CouplingDefaults.standard();
    CouplingSolution c = new AnalysisEmulatorCoupling(def).solve(task);
    CouplingSolution e = new EnkfCoupling(EnkfConfig.standard(), EnkfSetup.defaults()
        .augmenting(List.of())).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(def.optimizer()).solve(task);
    c.diagnostics().scalars().forEach((k, v) -> System.out.println(k + " = " + v));
    int t0 = task.split().trainEnd();
    int from = task.split().validationEnd();
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      System.out.printf("%s val emu %.3f enkf %.3f base %.3f | test emu %.3f enkf %.3f base %.3f%n", t,
          TaskSupport.rmse(c.prediction(t), truth, t0, from),
          TaskSupport.rmse(e.prediction(t), truth, t0, from),
          TaskSupport.rmse(b.prediction(t), truth, t0, from),
          TaskSupport.rmse(c.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(e.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(b.prediction(t), truth, from, task.split().size()));
    }
  }
}
