package org.cml4j.embed.solving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.physics.SoilProperties;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class LearnedParameterCouplingTest {
  @Test
  void learnedHbetaBeatsConstantOnHeldOutDays() {
    TwinScenario sc = TwinScenario.builder().days(16).seed(21).resolution(101, 1)
        .soil(SoilProperties.uniform(0.9, 2.4e6)).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05", "QhQle"))
        .withTargets(List.of("QhQle", "SurfTemp", "SoilTemp_0.05")).withSplit(0.6, 0.15));
    long t0 = System.nanoTime();
    CouplingSolution s = new LearnedParameterCoupling(CouplingDefaults.standard()).solve(task);
    System.out.println("secs " + (System.nanoTime() - t0) * 1e-9);
    CouplingSolution b = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer())
        .solve(task);
    s.diagnostics().scalars().forEach((k, v) -> System.out.println(k + " = " + v));
    int from = task.split().validationEnd();
    for (String t : task.targets()) {
      double[] truth = sc.truth().output(t);
      System.out.printf("%s learned %.3f base %.3f%n", t,
          TaskSupport.rmse(s.prediction(t), truth, from, task.split().size()),
          TaskSupport.rmse(b.prediction(t), truth, from, task.split().size()));
    }
    double[] hb = s.diagnostics().curves().get("hbeta(t)");
    double[] tr = sc.surface().hbeta();
    System.out.printf("hbeta corr-ish: rmse %.2f vs const %.2f%n", TaskSupport.rmse(hb, tr, from,
        tr.length), TaskSupport.rmse(new double[tr.length], tr, 0, 1));
  }
}
