package org.cml4j.fuse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.spi.Budget;
import org.cml4j.fuse.examples.ExampleSupport.Score;
import org.cml4j.lsm.testsupport.SharedData;
import org.cml4j.lsm.tasks.RealSiteTasks;
import org.junit.jupiter.api.Test;

/** Mode 7: physics outputs as network inputs, against the same network without them. */
class InputConstraintExampleTest {
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
    assertThat(ExampleSupport.meanRatio(with, without)).isLessThan(0.6);
    for (String t : List.of("SoilTemp_0.05", "SoilTemp_0.2", "Qg", "LWup", "Qh", "Qle")) {
      assertThat(with.rmse(t)).as(t).isLessThan(without.rmse(t));
    }
    assertThat(ExampleSupport.meanRatio(with, physics)).as("vs calibrated physics")
        .isLessThan(0.95);
    assertThat(with.rmse("LWup")).isLessThan(physics.rmse("LWup"));
    assertThat(with.rmse("Qg")).isLessThan(physics.rmse("Qg"));
    assertThat(with.solution().parameters()).containsKeys("lambda", "C", "hbeta", "Tb");
  }

  @Test
  void physicsInputsHelpOnBondville() {
    List<Score> s = InputConstraintExample.compare(ExampleSupport.withBudget(
        RealSiteTasks.bondville(SharedData.dir(), 42, Budget.tiny()), ExampleSupport.BUDGET));
    System.out.println(ExampleSupport.table(s));
    assertThat(ExampleSupport.meanRatio(s.get(2), s.get(1))).isLessThan(0.7);
    assertThat(ExampleSupport.meanRatio(s.get(2), s.get(0))).isLessThan(0.95);
    assertThat(s.get(2).rmse("SoilTemp_0.04")).isLessThan(s.get(0).rmse("SoilTemp_0.04"));
  }
}
