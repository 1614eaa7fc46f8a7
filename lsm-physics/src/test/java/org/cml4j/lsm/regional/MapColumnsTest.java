package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact map columns the netCDF map is written from. */
class MapColumnsTest {
  private static final List<String> NAMES = List.of("lambda", "Tb");

  private static ColumnFit fit(int i) {
    return new ColumnFit("c" + i, 40 + i, -100 - i, NAMES,
        new double[] {0.5 + i, 290 + i}, new double[] {i == 3 ? Double.POSITIVE_INFINITY : 0.01,
            0.1}, new boolean[] {i != 3, true}, 0.01 * i, 0.1 * i, 10 + i, 2, 2, ColumnFit.OK,
        i == 5 ? "a note" : "");
  }

  @Test
  void keepsEveryColumnAtItsIndexWhateverTheOrderOfArrival() {
    MapColumns m = new MapColumns(NAMES, 40);
    assertThat(m.complete()).isFalse();
    for (int i = 39; i >= 0; i--) {
      m.set(i, i == 7 ? ColumnFit.failed("c7", 47, -107, NAMES, 2, "diverged") : fit(i));
    }
    assertThat(m.complete()).isTrue();
    assertThat(m.size()).isEqualTo(40);
    assertThat(m.ids()[39]).isEqualTo("c39");
    assertThat(m.lat()[20]).isEqualTo(60.0);
    assertThat(m.values(1)[33]).isEqualTo(323.0);
    assertThat(m.iterations()[12]).isEqualTo(22);
    assertThat(m.status()[7]).isEqualTo((byte) 1);
    assertThat(m.status()[8]).isEqualTo((byte) 0);
    assertThat(m.values(0)[7]).isNaN();
    assertThat(m.identifiable(0)[7]).isEqualTo((byte) 0);
  }

  @Test
  void unboundedErrorsAreMissingAndEmptyReasonsASpace() {
    MapColumns m = new MapColumns(NAMES, 6);
    for (int i = 0; i < 6; i++) {
      m.set(i, fit(i));
    }
    assertThat(m.standardErrors(0)[3]).isNaN();
    assertThat(m.identifiable(0)[3]).isEqualTo((byte) 0);
    assertThat(m.identifiable(0)[2]).isEqualTo((byte) 1);
    assertThat(m.reasons()[0]).isEqualTo(" ");
    assertThat(m.reasons()[5]).isEqualTo("a note");
  }

  @Test
  void refusesAColumnWithOtherParameters() {
    MapColumns m = new MapColumns(List.of("lambda"), 2);
    assertThatThrownBy(() -> m.set(1, fit(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c1").hasMessageContaining("[lambda, Tb]");
  }
}
