package org.cml4j.embed.assimilation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.testsupport.SharedData;
import org.cml4j.embed.twin.ReferenceTasks;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.junit.jupiter.api.Test;

class BondvilleEnkfTest {
  @Test
  void assimilatingTwoDepthsImprovesTheOthers() {
    SiteExperiment e = ReferenceTasks.bondville(SharedData.dir());
    List<String> verify = List.of("SoilTemp_0.04", "SoilTemp_0.16", "SoilTemp_0.32",
        "SoilTemp_0.64");
    CouplingTask task = ReferenceTasks.site(e, verify, 312, 12, Budget.tiny(), 5);
    for (double loc : new double[] {0, 0.15, 0.3}) {
      for (List<String> aug : List.of(List.of("lambda", "C", "hbeta", "Tb"), List.of("lambda", "C", "hbeta"), List.<String>of())) {
    EnkfCoupling c = new EnkfCoupling(EnkfConfig.standard().withLocalization(loc), EnkfSetup.defaults()
        .assimilating(List.of("SoilTemp_0.02", "SoilTemp_0.08")).augmenting(aug));
    CouplingSolution s = c.solve(task);
    System.out.println("loc " + loc + " aug " + aug);
    CouplingSolution base = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer())
        .solve(task);
    for (String v : verify) {
      double[] o = task.observations().values(v);
      System.out.printf("%s analysis %.3f free %.3f calibrated %.3f%n", v,
          s.diagnostics().scalars().get("analysisRmse_" + v),
          s.diagnostics().scalars().get("freeRunRmse_" + v),
          org.cml4j.embed.support.TaskSupport.rmse(base.prediction(v), o, 0, 324));
    }
    System.out.println(s.parameters() + " " + base.parameters() + " " + s.fitSeconds());
      }
    }
  }
}
