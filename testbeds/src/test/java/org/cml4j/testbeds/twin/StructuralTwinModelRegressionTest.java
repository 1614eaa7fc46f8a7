package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;
import org.cml4j.testbeds.weather.Weather;
import org.junit.jupiter.api.Test;

/**
 * The structural twin's truth frame is bit-identical to the one recorded on main d78ee88, before
 * its heat step moved to the shared {@link org.cml4j.lsm.rich.RichColumnStep}: the benchmark twin
 * tasks must not move.
 */
class StructuralTwinModelRegressionTest {
  @Test
  void standardTruthFrameIsBitIdenticalToTheRecordedOne() {
    // 8 days: a 4-day dry spell, then a guaranteed storm (coupled water, varying properties)
    Weather w = SyntheticWeather.generate(new SyntheticWeather.Spec(
        Instant.parse("2021-06-15T00:00:00Z"), 24 * 8, 40, Climate.summer(), null, 0, 24 * 4 + 1,
        0, 24 * 4), 11);
    StructuralTwinModel m = new StructuralTwinModel(TwinPhysics.standard(), ModelGrid.HUANG2025);
    Frame f = m.simulate(w, List.of(0.0, 0.05, 0.2, 0.5), m.linearProfile(295));
    assertThat(f.values(Variables.SURF_TEMP)[w.size() - 1]).isEqualTo(291.8868934573475);
    assertThat(f.fingerprint()).isEqualTo(
        "7dab1569f30b777fe13d3200589daa0a35e42085ca8abba051d975aea9e4f798");
  }
}
