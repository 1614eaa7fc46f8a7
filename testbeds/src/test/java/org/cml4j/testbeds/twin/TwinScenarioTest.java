package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.cml4j.core.spi.CouplingTask;
import org.cml4j.lsm.rich.MoistureField;
import org.cml4j.testbeds.weather.Weather;
import org.junit.jupiter.api.Test;

class TwinScenarioTest {
  @Test
  void structuralTwinHasVaryingBowenRatioAndDampedDeepTemperatures() {
    TwinScenario sc = TwinScenario.builder().days(6).seed(3).resolution(201, 12).build();
    double[] hb = sc.surface().hbeta();
    assertThat(max(hb) / min(hb)).isGreaterThan(3);
    double[] t0 = sc.truth().output("SurfTemp");
    double[] t20 = sc.truth().output("SoilTemp_0.2");
    // the diurnal wave is damped with depth (damping depth ~0.12 m: 20 cm keeps ~1/5 of it)
    assertThat(meanDailyRange(t0)).isGreaterThan(4 * meanDailyRange(t20));
    assertThat(sc.levels()).isEqualTo(6 * 24 + 1);
    // the record starts at local solar midnight of the structural twin's first day
    assertThat(sc.axis().times()[0]).isEqualTo(StructuralTwin.RECORD_START.getEpochSecond());
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard());
    assertThat(task.auxiliary().values(TwinScenario.SOIL_MOIST))
        .containsExactly(sc.moisture().surfaceSeries());
  }

  @Test
  void rainInMillimetresPerSecondWetsTheTopsoilByItsHourlyDepthOverFifty() {
    TwinScenario sc = TwinScenario.builder().days(6).seed(3).resolution(21, 1).build();
    Weather w = sc.weather();
    double[] theta = sc.moisture().surfaceSeries();
    int wet = 0;
    for (int k = 1; k < theta.length; k++) {
      double dried = 0.08 + (theta[k - 1] - 0.08) * Math.exp(-1 / 48.0);
      double expected = Math.min(0.40, dried + w.rainf()[k] * 3600 / 50);
      assertThat(theta[k]).as("level " + k).isCloseTo(expected, offset(1e-12));
      wet += w.rainf()[k] > 0 ? 1 : 0;
    }
    assertThat(wet).as("rainy hours in 6 days").isPositive();
  }

  @Test
  void badInputsAreRejectedWithTheirValues() {
    assertThatThrownBy(() -> TwinDrivers.moisture(new double[] {0, -2}))
        .hasMessageContaining("level 1").hasMessageContaining("-2");
    MoistureField m = TwinDrivers.moisture(new double[] {0});
    assertThatThrownBy(() -> m.at(0, 3)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
    assertThatThrownBy(() -> TwinScenario.builder().days(1).build())
        .hasMessageContaining("days >= 2");
  }

  /** Mean over whole days of the daily max - min. */
  private static double meanDailyRange(double[] v) {
    double sum = 0;
    int days = v.length / 24;
    for (int d = 0; d < days; d++) {
      double[] day = java.util.Arrays.copyOfRange(v, 24 * d, 24 * d + 24);
      sum += max(day) - min(day);
    }
    return sum / days;
  }

  private static double max(double[] v) {
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      hi = Math.max(hi, x);
    }
    return hi;
  }

  private static double min(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    for (double x : v) {
      lo = Math.min(lo, x);
    }
    return lo;
  }
}
