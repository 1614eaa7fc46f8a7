package org.cml4j.core.pipeline.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.pipeline.PipelineWiringException;
import org.cml4j.core.pipeline.Shift;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.toy.ToyTasks;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.junit.jupiter.api.Test;

class ReadyMadeStagesTest {
  private static final VariableSpec TAIR = VariableSpec.of("Tair");
  private static final VariableSpec WARM = new VariableSpec("Tair_warm", "K");

  /** The toy twin whose observations carry a 2 K warm bias and a diurnal error (structural). */
  static CouplingTask biased(long seed) {
    CouplingTask t = ToyTasks.twin(seed);
    double[] o = t.observations().values("SurfTemp");
    for (int i = 0; i < o.length; i++) {
      o[i] += 2 + 0.8 * Math.cos(2 * Math.PI * i / 24.0);
    }
    return t.toBuilder().observations(t.observations().replace(VariableSpec.of("SurfTemp"), o))
        .build();
  }

  static double[] truthOf(long seed) {
    // the task masks its test period, so the noise-free toy truth (rate 0.15, offset 3 K) is
    // recomputed here, with the same bias as biased()
    CouplingTask t = ToyTasks.twin(seed);
    int n = t.split().size();
    double[] ta = t.forcing().values("Tair");
    double[] truth = new double[n];
    truth[0] = ta[0] + 3.0;
    for (int k = 0; k + 1 < n; k++) {
      truth[k + 1] = truth[k] + 0.15 * (ta[k] - truth[k]);
    }
    for (int i = 0; i < n; i++) {
      truth[i] += 2 + 0.8 * Math.cos(2 * Math.PI * i / 24.0);
    }
    return truth;
  }

  /** RMSE of {@code p} against the noise-free truth over the task's test period. */
  static double testRmse(double[] p, CouplingTask task, long seed) {
    return Metrics.rmse(p, truthOf(seed), task.split().validationEnd(), task.split().size());
  }

  /** The calibrated-physics stage publishing SurfTemp_physics. */
  static CalibratedPhysicsStage surfacePhysics(CouplingTask task) {
    return CalibratedPhysicsStage.of(task.mechanism(), List.of("SurfTemp"));
  }

  @Test
  void calibratedPhysicsIsTheOneCalibrationServicePublishedUnderASuffix() {
    CouplingTask task = ToyTasks.twin(3);
    CalibratedPhysicsStage physics = surfacePhysics(task);
    assertThat(physics.inputs()).containsExactly(TAIR);
    assertThat(physics.outputs()).containsExactly(new VariableSpec("SurfTemp_physics", "K"));
    Pipeline.Run run = Pipeline.builder("p").stage(physics).build().run(task);
    Calibration direct = new MechanismCalibrator(OptimizerSettings.standard()).calibrate(task);
    assertThat(run.frame().values("SurfTemp_physics"))
        .containsExactly(direct.simulate(List.of("SurfTemp")).values("SurfTemp"));
    assertThat(run.parameters()).isEqualTo(direct.fitted());
    assertThat(run.calibration()).isEqualTo(direct.id());
    assertThat(run.parameters().get("rate")).isBetween(0.14, 0.16);
  }

  @Test
  void physicsCanReadAForcingFromAnUpstreamStageAndTheWiringChecksIt() {
    long seed = 5;
    CouplingTask task = biased(seed);
    CalibratedPhysicsStage plain = surfacePhysics(task);
    CalibratedPhysicsStage onWarm = plain.readingForcing("Tair", WARM);
    assertThat(onWarm.inputs()).containsExactly(WARM);
    assertThatThrownBy(() -> Pipeline.builder("p").stage(onWarm).build().run(task))
        .isInstanceOf(PipelineWiringException.class).hasMessageContaining("Tair_warm");
    assertThatThrownBy(() -> plain.readingForcing("Tair", new VariableSpec("x", "degC")))
        .hasMessageContaining("units differ");
    double[] p0 = Pipeline.builder("a").stage(plain).build().run(task).frame()
        .values("SurfTemp_physics");
    double[] p1 = Pipeline.builder("b").stage(new Shift("warm", TAIR, WARM, 2)).stage(onWarm)
        .build().run(task).frame().values("SurfTemp_physics");
    // the +2 K forcing explains the warm bias the plain physics cannot (measured 2.12 vs 0.44 K;
    // what is left is the diurnal error)
    assertThat(testRmse(p1, task, seed)).isBetween(0.35, 0.55);
    assertThat(testRmse(p0, task, seed)).isBetween(2.05, 2.2);
  }

  @Test
  void residualCorrectionLearnsWhatThePhysicsCannotAndIsDeterministic() {
    long seed = 7;
    CouplingTask task = biased(seed);
    CalibratedPhysicsStage physics = surfacePhysics(task);
    ResidualCorrectionStage correction = ResidualCorrectionStage.after(physics);
    assertThat(correction.inputs()).containsExactly(TAIR, new VariableSpec("SurfTemp_physics",
        "K"));
    assertThat(correction.outputs()).containsExactly(VariableSpec.of("SurfTemp"));
    Pipeline p = Pipeline.builder("physics+correction").stage(physics).stage(correction).build();
    Pipeline.Run run = p.run(task);
    double phys = testRmse(run.frame().values("SurfTemp_physics"), task, seed);
    double corr = testRmse(run.frame().values("SurfTemp"), task, seed);
    // measured: physics 2.12 K, corrected 0.019 K (the error is a function of the time of day,
    // which is a feature)
    assertThat(phys).isBetween(2.05, 2.2);
    assertThat(corr).isLessThan(0.06);
    assertThat(run.diagnostics().scalars()).containsKeys(
        "correction.validationRmse.base.SurfTemp", "correction.validationRmse.corrected.SurfTemp");
    assertThat(p.run(task).frame().values("SurfTemp"))
        .containsExactly(run.frame().values("SurfTemp"));
  }

  @Test
  void aTargetWithoutTrainingObservationsKeepsItsBase() {
    CouplingTask task = ToyTasks.twin(2);
    ResidualCorrectionStage c = new ResidualCorrectionStage("c", Map.of("Qg", new VariableSpec(
        "Qg_base", "W m-2")), List.of(TAIR), null);
    Frame avail = task.forcing().with(new VariableSpec("Qg_base", "W m-2"),
        new double[task.split().size()]);
    StageResult r = c.run(task, avail);
    assertThat(r.outputs().values("Qg")).containsOnly(0.0);
    assertThat(r.diagnostics().notes()).anyMatch(s -> s.contains("Qg: fewer than 12"));
  }

  @Test
  void learnedInputPredictsAnObservedVariableOnTheWholeAxis() {
    long seed = 4;
    CouplingTask task = biased(seed);
    LearnedInputStage s = LearnedInputStage.of("learn-skin", "SurfTemp", List.of(TAIR));
    assertThat(s.outputs()).containsExactly(new VariableSpec("SurfTemp_learned", "K"));
    Pipeline.Run run = Pipeline.builder("p").stage(s).build().run(task);
    double[] p = run.frame().values("SurfTemp_learned");
    // measured 0.127 K on the test period (the observation noise is 0.05 K)
    assertThat(testRmse(p, task, seed)).isLessThan(0.2);
    double[] obs = task.observations().values("SurfTemp");
    assertThat(p[3]).isNotEqualTo(obs[3]);
    assertThatThrownBy(() -> LearnedInputStage.of("x", "Qg", List.of(TAIR)).run(task,
        task.forcing())).hasMessageContaining("cannot learn Qg");
  }
}
