package org.cml4j.embed.substitution;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.physics.LayeredSoil;
import org.cml4j.embed.physics.RichTrajectory;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class EnhancerCouplingTest {
  @Test
  void enhancerBetweenCoarseAndHighResolution() {
    TwinScenario sc = TwinScenario.builder().days(24).seed(8).resolution(401, 20).constantHbeta(25).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard().withSplit(0.5, 0.15)
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2"))
        .withTargets(List.of("SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2")));
    HighResolutionModel hr = HighResolutionModel.fixed(sc.truth());
    for (List<String> learned : List.of(List.of("lambda", "C"), List.of("lambda", "C", "hbeta"))) {
    CouplingSolution s = new EnhancerCoupling(CouplingDefaults.standard(), hr, learned).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer())
        .solve(task);
    s.diagnostics().scalars().forEach((k, v) -> { if (k.startsWith("valid")) System.out.println(k + " = " + v); });
    CalibratedColumn col = EmulatorSupport.column(task, "t", EmulatorSupport.calibrate(task,
        CouplingDefaults.standard()).parameters());
    RichTrajectory hi = hr.run(task, col);
    int from = task.split().validationEnd();
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      System.out.printf("%s enh %.3f base %.3f hires %.3f%n", t,
          TaskSupport.rmse(s.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(b.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(hi.output(t), truth, from, task.split().size()));
    }
    }
  }
}
