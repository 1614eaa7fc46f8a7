package org.cml4j.testbeds.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class ParameterRecoveryTasksTest {

  private static Path dir() {
    return SharedData.dir().resolve("huang2025-synthetic");
  }

  @Test
  void twoDepthTaskIsThePublishedExperimentPlusAContinuedTest() {
    var e = ParameterRecoveryTasks.task(dir(), 2, 42, Budget.quick());
    BenchTask b = e.getKey();
    CouplingTask t = b.task();
    assertThat(b.id()).isEqualTo("huang2025-2depth");
    assertThat(t.tags()).contains(CouplingTask.TAG_PARAMETER_RECOVERY);
    assertThat(b.version()).isEqualTo("huang2025-1");
    assertThat(t.split().trainEnd()).isEqualTo(101);
    assertThat(t.split().size()).isEqualTo(149);
    assertThat(t.observed()).containsExactly("SurfTemp", "SoilTemp_0.05");
    double[] pub = SharedData.column(dir().resolve("target_T_5cm.txt"));
    assertThat(t.observations().values("SoilTemp_0.05", 0, 101)).containsExactly(pub);
    assertThat(t.observations().countValid("SoilTemp_0.05", 101, 149)).isZero();
    // the continued truth joins the published targets smoothly (hourly change < 1.5 K)
    double[] truth = b.truth().values("SoilTemp_0.05");
    assertThat(Math.abs(truth[101] - pub[100])).isLessThan(1.5);
    assertThat(b.trueParameters()).containsEntry("lambda", 0.8).containsEntry("hbeta", 25.0);
    PublishedSpread s = e.getValue();
    assertThat(s.starts()).isEqualTo(50);
    // the authors' finding: 40 of 50 starts within 0.01 of lambda = 0.8
    assertThat(s.fractionWithin("lambda", 0.8, 0.0125)).isEqualTo(0.8);
    assertThat(s.median("alpha")).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void calibratingTheTwoDepthTaskThroughTheSpiRecoversTheTruth() {
    BenchTask b = ParameterRecoveryTasks.task(dir(), 2, 42, Budget.tiny()).getKey();
    CouplingTask t = b.task();
    Map<String, Double> guess = new LinkedHashMap<>(t.knownParameters());
    Calibration c = new MechanismCalibrator(new OptimizerSettings("lm", 100, 200, 1, 1e-10))
        .calibrate(new CalibrationProblem(t.mechanism(), t.forcing(),
            t.observations(), t.observed(), 0, t.split().trainEnd(), t.fitParameters(), guess,
            t.initialObservations(), t.seed()));
    for (var p : b.trueParameters().entrySet()) {
      assertThat(c.fitted().get(p.getKey())).as(p.getKey())
          .isCloseTo(p.getValue(), org.assertj.core.data.Percentage.withPercentage(1));
    }
  }

  @Test
  void oneDepthTaskObservesFiveCentimetresOnly() {
    var e = ParameterRecoveryTasks.task(dir(), 1, 42, Budget.quick());
    assertThat(e.getKey().task().observed()).containsExactly("SoilTemp_0.05");
    assertThat(e.getKey().task().targets()).contains("SurfTemp");
    // one depth: the published lambda spread is wide (not recoverable)
    assertThat(e.getValue().fractionWithin("lambda", 0.8, 0.0125)).isLessThan(0.5);
  }
}
