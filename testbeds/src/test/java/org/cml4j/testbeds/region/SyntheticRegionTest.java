package org.cml4j.testbeds.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.cml4j.lsm.data.GriddedColumn;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.testbeds.weather.Climate;
import org.junit.jupiter.api.Test;

/** The synthetic region's per-column weather: seeded by column, smooth climate, local midnight. */
class SyntheticRegionTest {
  private static final SyntheticRegion REGION = SyntheticRegion.of(100, 3);

  @Test
  void eachColumnsForcingDependsOnlyOnTheSeedAndItsIndex() {
    SurfaceForcing f = REGION.forcing(57);
    assertThat(f.kdown()).hasSize(101).containsExactly(REGION.forcing(57).kdown());
    assertThat(f.ta()).isNotEqualTo(REGION.forcing(58).ta());
    assertThat(f.ta()).isNotEqualTo(SyntheticRegion.of(100, 4).forcing(57).ta());
    GriddedColumn alone = REGION.column(57, "x");
    assertThat(alone.variables().get("SWdown")).containsExactly(f.kdown());
    assertThat(alone.variables().get("LWdown")).containsExactly(f.ldown());
    assertThat(alone.variables().get("Tair")).containsExactly(f.ta());
    assertThat(alone.epochSeconds()[0]).isEqualTo(SyntheticRegion.START.getEpochSecond());
  }

  @Test
  void forcingStartsAtLocalMidnightInAClimateVaryingSmoothlyOverTheRegion() {
    for (int i : new int[] {0, 9, 44, 90, 99}) {
      SurfaceForcing f = REGION.forcing(i);
      for (int h = 0; h < f.kdown().length; h++) {
        int hour = h % 24;
        if (hour < 4 || hour > 20) {
          assertThat(f.kdown()[h]).as("column %d, hour %d", i, hour).isZero();
        }
        assertThat(f.ldown()[h]).isBetween(200.0, 500.0);
        assertThat(f.ta()[h]).isBetween(280.0, 320.0);
      }
      assertThat(Arrays.stream(f.kdown()).max().orElseThrow()).isBetween(600.0, 1100.0);
    }
    // 10 x 10 grid: x grows along a row (west to east), y along a column (south to north)
    Climate west = REGION.climate(0);
    Climate east = REGION.climate(9);
    Climate north = REGION.climate(90);
    assertThat(east.meanTair() - west.meanTair()).isCloseTo(4, org.assertj.core.data.Offset
        .offset(1e-9));
    assertThat(north.meanCloud()).isGreaterThan(west.meanCloud());
    assertThat(north.diurnalRange()).isGreaterThan(west.diurnalRange());
    double eastMean = Arrays.stream(REGION.forcing(9).ta()).average().orElseThrow();
    double westMean = Arrays.stream(REGION.forcing(0).ta()).average().orElseThrow();
    assertThat(eastMean).isGreaterThan(westMean);
  }
}
