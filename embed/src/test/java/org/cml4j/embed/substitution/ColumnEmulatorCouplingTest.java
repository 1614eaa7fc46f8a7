package org.cml4j.embed.substitution;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class ColumnEmulatorCouplingTest {
  @Test
  void monthLongRollout() {
    TwinScenario sc = TwinScenario.builder().days(30).seed(8).resolution(201, 12).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard().withSplit(0.3, 0.1)
        .withTargets(List.of("SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2", "Qg")));
    CouplingSolution s = new ColumnEmulatorCoupling(CouplingDefaults.standard()).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer())
        .solve(task);
    s.diagnostics().scalars().forEach((k, v) -> System.out.println(k + " = " + v));
    int from = task.split().validationEnd();
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      System.out.printf("%s emu %.3f base %.3f%n", t,
          TaskSupport.rmse(s.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(b.prediction(t), truth, from, task.split().size()));
    }
  }
}
