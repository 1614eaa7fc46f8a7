package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.testbeds.twin.ObservationModel.Sensor;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;
import org.junit.jupiter.api.Test;

/** The one twin builder ({@link Twin}) and the sensor procedure ({@link ObservationModel}). */
class TwinBuilderTest {
  private static final List<String> VARS = List.of("SoilTemp_0.05", Variables.QG);

  private static Frame truth(int n) {
    double[] t = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 290 + Math.sin(i / 4.0);
      g[i] = 50 * Math.cos(i / 4.0);
    }
    return axis(n).with("SoilTemp_0.05", t).with(Variables.QG, g);
  }

  private static Frame axis(int n) {
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      times[i] = 3600L * i;
    }
    return Frame.onAxis(times, 3600);
  }

  @Test
  void gaussianSensorsDrawOneStreamInVariableOrder() {
    Frame tr = truth(48);
    Frame obs = ObservationModel.gaussian(0.1, 5).observe(tr, VARS, new double[48], 11);
    Random r = new Random(11);
    for (String v : VARS) {
      double sd = v.equals(Variables.QG) ? 5 : 0.1;
      for (int i = 0; i < 48; i++) {
        assertThat(obs.values(v)[i]).as(v + " " + i)
            .isEqualTo(tr.values(v)[i] + sd * r.nextGaussian());
      }
    }
  }

  @Test
  void spikesAreFlaggedAndSizedAndOutagesBlankAllVariablesTogether() {
    Frame tr = truth(200);
    ObservationModel m = new ObservationModel(Map.of(ObservationModel.ANY, Sensor.gaussian(0),
        Variables.QG, Sensor.gaussian(0).withSpikes(6, 100))).withOutages(3, 5);
    ObservationModel.Observation o = m.sense(tr, VARS, new double[200], 3);
    boolean[] sp = o.spikes().get(Variables.QG);
    int spikes = 0;
    int blank = 0;
    for (int i = 0; i < 200; i++) {
      double t = o.values().values("SoilTemp_0.05")[i];
      double g = o.values().values(Variables.QG)[i];
      assertThat(Double.isNaN(t)).as("outage at " + i).isEqualTo(Double.isNaN(g));
      blank += Double.isNaN(t) ? 1 : 0;
      assertThat(o.spikes().get("SoilTemp_0.05")[i]).isFalse();
      if (sp[i]) {
        spikes++;
        if (!Double.isNaN(g)) {
          double d = Math.abs(g - tr.values(Variables.QG)[i]);
          assertThat(d).isBetween(70.0, 130.0 * 2);
        }
      } else if (!Double.isNaN(g)) {
        assertThat(g).isCloseTo(tr.values(Variables.QG)[i], offset(1e-12));
      }
    }
    assertThat(spikes).isBetween(1, 6);
    assertThat(blank).isBetween(5, 15);
    assertThat(o.values().values(Variables.QG)[0]).isNotNaN();
    assertThat(o.values().values(Variables.QG)[199]).isNotNaN();
  }

  @Test
  void badSensorsAndSpinUpFailClearly() {
    assertThatThrownBy(() -> Sensor.gaussian(1).withSpikes(-1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spikes >= 0");
    assertThatThrownBy(() -> ObservationModel.gaussian(1, 1).withOutages(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outages");
    assertThatThrownBy(() -> new ObservationModel(Map.of(Variables.QG, Sensor.gaussian(1)))
        .observe(truth(10), VARS, new double[10], 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sensor for"
            + " SoilTemp_0.05");
    var spec = SyntheticWeather.Spec.of(Instant.parse("2021-05-15T00:00:00Z"), 24, 45,
        Climate.changeableSpring());
    assertThatThrownBy(() -> Twin.simulate(spec, 1, 24, new SimpleColumnTruth(Map.of("hbeta",
        12.0), 1, VARS))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spin-up of 24 h");
  }

  @Test
  void simpleTruthSplitsItsTurbulentFluxByTheEvaporativeFraction() {
    List<String> v = List.of(Variables.QH, Variables.QLE, Variables.QHQLE);
    var spec = SyntheticWeather.Spec.of(Instant.parse("2021-05-13T00:00:00Z"), 96, 45,
        Climate.changeableSpring());
    Twin<Frame> t = Twin.simulate(spec, 4, 48, new SimpleColumnTruth(Map.of("alpha", 0.25,
        "lambda", 1.1, "C", 2.6e6, "hbeta", 12.0, "Tb", 291.0, "eps", 0.95), 1, v));
    Frame f = t.truthFrame(v);
    assertThat(f.size()).isEqualTo(48).isEqualTo(t.levels());
    for (int i = 0; i < 48; i++) {
      double ef = Math.max(0.1, Math.min(0.9, 0.75 - 0.03 * (t.weather().tair()[i] - 288)));
      assertThat(f.values(Variables.QH)[i] + f.values(Variables.QLE)[i])
          .isCloseTo(f.values(Variables.QHQLE)[i], offset(1e-9));
      assertThat(f.values(Variables.QLE)[i])
          .isCloseTo(ef * Math.max(0, f.values(Variables.QHQLE)[i]), offset(1e-9));
    }
  }
}
