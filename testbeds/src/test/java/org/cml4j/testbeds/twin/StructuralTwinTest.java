package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StructuralTwinTest {
  private static final StructuralTwin.Settings QUICK = new StructuralTwin.Settings(14, 5, 10,
      List.of(1, 3, 7, 14), 1, Budget.quick());
  private static Map<String, BenchTask> tasks;

  @BeforeAll
  static void build() {
    tasks = StructuralTwin.tasks(QUICK, 42).stream()
        .collect(Collectors.toMap(BenchTask::id, Function.identity()));
  }

  @Test
  void twinTaskHasItsSplitTargetsAndHiddenTest() {
    BenchTask b = tasks.get("twin");
    CouplingTask t = b.task();
    assertThat(b.family()).isEqualTo(TaskCatalog.FAMILY_TWIN);
    assertThat(b.version()).isEqualTo("twin-1");
    assertThat(t.split()).isEqualTo(new TimeSplit(336 - 48, 336, 456));
    assertThat(t.targets()).containsExactly("SoilTemp_0.05", "SoilTemp_0.2", "SoilTemp_0.1",
        "SoilTemp_0.5", "Qg", "LWup", "Qh", "Qle");
    assertThat(t.observed()).containsExactly("SoilTemp_0.05", "SoilTemp_0.2", "Qg", "LWup", "Qh",
        "Qle");
    assertThat(t.forcing().names()).containsExactly("SWdown", "LWdown", "Tair", "Rainf", "Wind");
    assertThat(t.fitParameters()).containsExactly("alpha", "lambda", "C", "hbeta", "Tb");
    assertThat(t.knownParameters()).containsExactly(Map.entry("eps", 0.95));
    assertThat(b.trueParameters()).containsEntry("alpha", 0.18).containsEntry("Tb", 290.5);
    assertThat(t.mechanism().canSimulate("Qh")).isFalse();
    for (String v : t.observed()) {
      assertThat(t.observations().countValid(v, 336, 456)).as(v).isZero();
      assertThat(t.observations().countValid(v, 0, 336)).as(v).isGreaterThan(250);
    }
    for (String v : t.targets()) {
      assertThat(b.testTruth(v)).as(v).hasSize(120).doesNotContain(Double.NaN);
    }
    assertThat(t.initialObservations()).containsKeys("SoilTemp_0.05", "SoilTemp_0.2");
  }

  @Test
  void sensorsAddTheirNoiseAndGaps() {
    BenchTask b = tasks.get("twin");
    Frame obs = b.task().observations();
    double[] rain = b.task().forcing().values("Rainf");
    for (String v : List.of("SoilTemp_0.05", "Qh")) {
      double[] o = obs.values(v, 0, 336);
      double[] t = b.truth().values(v, 0, 336);
      double s2 = 0;
      int n = 0;
      for (int i = 0; i < o.length; i++) {
        if (!Double.isNaN(o[i])) {
          s2 += (o[i] - t[i]) * (o[i] - t[i]);
          n++;
        }
      }
      double sd = Math.sqrt(s2 / n);
      if (v.equals("Qh")) {
        assertThat(sd).isBetween(10.0, 25.0);
        assertThat(n).isLessThanOrEqualTo((int) (0.88 * 336));
        for (int i = 0; i < 336; i++) {
          if (rain[i] > 0) {
            assertThat(o[i]).as("Qh in rain at %d", i).isNaN();
          }
        }
      } else {
        assertThat(sd).isBetween(0.08, 0.12);
        assertThat(n).isGreaterThanOrEqualTo((int) (0.97 * 336));
      }
    }
  }

  @Test
  void extrapolationSharesTheTrainingDataAndIsHotterAndDrier() {
    BenchTask twin = tasks.get("twin");
    BenchTask ex = tasks.get("twin-extrap");
    assertThat(ex.family()).isEqualTo(TaskCatalog.FAMILY_EXTRAPOLATION);
    for (String v : twin.task().observed()) {
      assertThat(ex.task().observations().values(v))
          .containsExactly(twin.task().observations().values(v));
    }
    Frame f = ex.task().forcing();
    double trainT = mean(f.values("Tair", 0, 336));
    double testT = mean(f.values("Tair", 336, 456));
    assertThat(testT - trainT).isGreaterThan(4);
    assertThat(Arrays.stream(f.values("Rainf", 336, 456)).sum()).isZero();
    String top = StructuralTwinModel.soilMoisture(0);
    assertThat(mean(ex.truth().values(top, 336, 456)))
        .isLessThan(mean(ex.truth().values(top, 0, 336)));
    assertThat(mean(ex.truth().values(StructuralTwinModel.BOWEN_RATIO, 336, 456)))
        .isGreaterThan(mean(ex.truth().values(StructuralTwinModel.BOWEN_RATIO, 0, 336)));
  }

  @Test
  void sampleEfficiencyVariantsShareTheTestPeriodOfTheirOwnSteadyRecord() {
    BenchTask n14 = tasks.get("twin-n14");
    for (int d : List.of(1, 3, 7, 14)) {
      BenchTask b = tasks.get("twin-n" + d);
      assertThat(b.family()).isEqualTo(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY);
      assertThat(b.version()).isEqualTo("twin-sample-2");
      assertThat(b.trainingDays()).isEqualTo(d);
      assertThat(b.task().split().length(TimeSplit.Part.TEST)).isEqualTo(120);
      assertThat(b.task().split().length(TimeSplit.Part.VALIDATION))
          .isEqualTo(Math.max(4, Math.round(d * 24 / 7.0)));
      for (String v : n14.task().targets()) {
        assertThat(b.testTruth(v)).containsExactly(n14.testTruth(v));
      }
      assertThat(b.task().initialObservations()).containsKeys("SoilTemp_0.05", "SoilTemp_0.2");
    }
    // its own record (steady summer), not the twin's
    assertThat(n14.task().fingerprint()).isNotEqualTo(tasks.get("twin").task().fingerprint());
    // one regime: the topsoil moisture of the 14 training days and of the test period differ by
    // less than 0.05 m3 m-3, against the twin's drying by more than that
    String top = StructuralTwinModel.soilMoisture(0);
    assertThat(Math.abs(mean(n14.truth().values(top, 0, 336))
        - mean(n14.truth().values(top, 336, 456)))).isLessThan(0.05);
  }

  @Test
  void sameSeedSameTasksOtherSeedOtherWeather() {
    List<BenchTask> again = StructuralTwin.tasks(QUICK, 42);
    List<BenchTask> other = StructuralTwin.tasks(QUICK, 43);
    assertThat(again.get(0).task().fingerprint()).isEqualTo(tasks.get("twin").task().fingerprint());
    assertThat(other.get(0).task().fingerprint())
        .isNotEqualTo(tasks.get("twin").task().fingerprint());
    List<String> ids = StructuralTwin.tasks(new StructuralTwin.Settings(3, 2, 2, List.of(1),
        2, Budget.tiny()), 1).stream().map(BenchTask::id).toList();
    assertThat(ids).containsExactly("twin", "twin-extrap", "twin-n1", "twin-rep2",
        "twin-extrap-rep2");
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }
}
