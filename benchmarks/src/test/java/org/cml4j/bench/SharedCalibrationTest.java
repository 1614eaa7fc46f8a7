package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: the physics-only baseline and the couplings of every paradigm that use
 * calibrated physics get it from one calibration service, so on the same task they record the
 * same calibration id and hold bit-identical calibrated parameters.
 */
class SharedCalibrationTest {
  private static CouplingTask task;
  private static CouplingRegistry reg;
  private static Calibration reference;
  private static final Map<String, CouplingSolution> SOLVED = new LinkedHashMap<>();

  @BeforeAll
  static void solve() {
    task = TaskCatalog.tiny(null, 42).task("twin").task();
    reg = Cml4j.discover().registry();
    reference = new MechanismCalibrator(reg.defaults().optimizer()).calibrate(task);
    SOLVED.put(PhysicsOnlyBaseline.NAME, new PhysicsOnlyBaseline(reg.defaults().optimizer())
        .solve(task));
    for (String c : List.of("cascade.error-correction", "cascade.gap-fill",
        "embed.enkf-model-error", "fusion.hybrid-assimilation", "fusion.physics-inputs",
        "fusion.physics-layer")) {
      SOLVED.put(c, reg.create(c).solve(task));
    }
  }

  @Test
  void everyParadigmRecordsTheSameCalibration() {
    String id = reference.id();
    assertThat(id).isEqualTo(Calibration.id(CalibrationProblem.from(task),
        reg.defaults().optimizer().starts()));
    assertThat(id).startsWith("lm-multistart v1 fit=[alpha, lambda, C, hbeta, Tb] on=[");
    SOLVED.forEach((name, s) -> assertThat(s.provenance().config())
        .as(name).containsEntry(Calibration.PROVENANCE_KEY, id));
  }

  @Test
  void everyParadigmHoldsTheSameCalibratedParameters() {
    for (String name : List.of(PhysicsOnlyBaseline.NAME, "cascade.error-correction",
        "cascade.gap-fill", "embed.enkf-model-error", "fusion.hybrid-assimilation",
        "fusion.physics-inputs")) {
      assertThat(SOLVED.get(name).parameters()).as(name).isEqualTo(reference.fitted());
    }
    // the physics layer learns alpha and lambda; its other constants are the calibrated ones
    Map<String, Double> layer = SOLVED.get("fusion.physics-layer").parameters();
    assertThat(layer).isNotEmpty();
    layer.forEach((k, v) -> assertThat(v).as(k).isEqualTo(reference.fitted().get(k)));
  }

  @Test
  void aCouplingWithoutCalibratedPhysicsRecordsNone() {
    // the gradient inversion fits the parameters itself (Adam through the adjoint): no LM physics
    CouplingSolution s = reg.create("embed.gradient-inversion").solve(task);
    assertThat(s.provenance().config()).doesNotContainKey(Calibration.PROVENANCE_KEY);
  }
}
