package org.cml4j.examples.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.spi.Budget;
import org.cml4j.examples.fuse.ExampleSupport.Score;
import org.cml4j.lsm.testsupport.SharedData;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.junit.jupiter.api.Test;

/** Mode 7: physics outputs as network inputs, against the same network without them. */
class InputConstraintExampleTest {
  // docs/modes/fusion.md mode 7 and README row 7; seed 42, tolerances in Claim's Javadoc terms
  /** Twin: mean RMSE ratio with / without physics inputs (measured 0.313). */
  static final Claim TWIN_WITH_WITHOUT = new Claim("mode 7 twin ratio with/without inputs",
      0.313, 0.03);
  /** Twin: mean RMSE ratio with physics inputs / calibrated physics (measured 0.893). */
  static final Claim TWIN_WITH_PHYSICS = new Claim("mode 7 twin ratio with inputs/physics",
      0.893, 0.03);
  /** Bondville: mean ratio with / without (measured 0.473; one site, seed only moves init). */
  static final Claim BONDVILLE_WITH_WITHOUT = new Claim("mode 7 Bondville ratio with/without",
      0.473, 0.03);
  /** Bondville: mean ratio with / physics (measured 0.857). */
  static final Claim BONDVILLE_WITH_PHYSICS = new Claim("mode 7 Bondville ratio with/physics",
      0.857, 0.03);
  /** Bondville 4 cm test RMSE with physics inputs [K] (measured 0.977; physics 1.601). */
  static final Claim BONDVILLE_4CM = new Claim("mode 7 Bondville 4 cm RMSE [K]", 0.977, 0.05);

  @Test
  void physicsInputsBeatTheSameNetworkWithoutThemAndThePhysicsAloneOnTheTwin() {
    List<Score> s = InputConstraintExample.compare(InputConstraintExample.twin(42));
    Score physics = s.get(0);
    Score without = s.get(1);
    Score with = s.get(2);
    System.out.println(ExampleSupport.table(s));
    // the network alone cannot predict the never-observed depths; with physics inputs it can
    assertThat(without.rmse()).doesNotContainKeys("SoilTemp_0.1", "SoilTemp_0.5");
    assertThat(with.rmse()).containsKeys("SoilTemp_0.1", "SoilTemp_0.5", "Qh", "Qle");
    TWIN_WITH_WITHOUT.check(ExampleSupport.meanRatio(with, without));
    for (String t : List.of("SoilTemp_0.05", "SoilTemp_0.2", "Qg", "LWup", "Qh", "Qle")) {
      assertThat(with.rmse(t)).as(t).isLessThan(without.rmse(t));
    }
    TWIN_WITH_PHYSICS.check(ExampleSupport.meanRatio(with, physics));
    // honest: worse than the physics at 20 cm
    assertThat(with.rmse("SoilTemp_0.2")).isGreaterThan(physics.rmse("SoilTemp_0.2"));
    assertThat(with.rmse("LWup")).isLessThan(physics.rmse("LWup"));
    assertThat(with.rmse("Qg")).isLessThan(physics.rmse("Qg"));
    assertThat(with.solution().parameters()).containsKeys("lambda", "C", "hbeta", "Tb");
  }

  @Test
  void physicsInputsHelpOnBondville() {
    List<Score> s = InputConstraintExample.compare(ExampleSupport.withBudget(
        RealSiteTasks.bondville(SharedData.dir(), 42, Budget.tiny()), ExampleSupport.BUDGET));
    System.out.println(ExampleSupport.table(s));
    BONDVILLE_WITH_WITHOUT.check(ExampleSupport.meanRatio(s.get(2), s.get(1)));
    BONDVILLE_WITH_PHYSICS.check(ExampleSupport.meanRatio(s.get(2), s.get(0)));
    BONDVILLE_4CM.check(s.get(2).rmse("SoilTemp_0.04"));
    assertThat(s.get(2).rmse("SoilTemp_0.04")).isLessThan(s.get(0).rmse("SoilTemp_0.04"));
    // honest: worse than the physics at 32 cm
    assertThat(s.get(2).rmse("SoilTemp_0.32")).isGreaterThan(s.get(0).rmse("SoilTemp_0.32"));
  }
}
