package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitialProfileTest {

    private static final double[] GRID = {0, 0.05, 0.10, 0.15, 0.50, 1.0};

    private static SiteData data(boolean withSurfTemp) {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("SWdown", new double[] {0, 0});
        v.put("LWdown", new double[] {300, 300});
        v.put("Tair", new double[] {290, 290});
        if (withSurfTemp) {
            v.put("SurfTemp", new double[] {300, Double.NaN});
        }
        v.put("SoilTemp_0.15", new double[] {285, 286});
        v.put("SoilTemp_0.05", new double[] {290, Double.NaN});
        v.put("SoilTemp_2", new double[] {270, 270}); // below the bottom: ignored
        return new SiteData("profile-test", new long[] {0, 3600}, 3600, v);
    }

    @Test
    void interpolatesBetweenSurfaceObservationsAndBottom() {
        double[] p = InitialProfile.build(data(true), 0, 280, GRID);
        assertThat(p[0]).isEqualTo(300);        // SurfTemp
        assertThat(p[1]).isEqualTo(290);        // observed at 5 cm
        assertThat(p[2]).isCloseTo(287.5, within(1e-12)); // halfway between 5 and 15 cm
        assertThat(p[3]).isEqualTo(285);        // observed at 15 cm
        assertThat(p[4]).isCloseTo(285 - 5 * 0.35 / 0.85, within(1e-12)); // towards Tb at 1 m
        assertThat(p[5]).isEqualTo(280);        // Tb
    }

    @Test
    void surfaceFallsBackToShallowestObservationAndSkipsMissing() {
        // record 1: SurfTemp missing, 5 cm missing -> surface = 15 cm value 286
        double[] p = InitialProfile.build(data(true), 1, 280, GRID);
        assertThat(p[0]).isEqualTo(286);
        assertThat(p[1]).isEqualTo(286);
        assertThat(p[3]).isEqualTo(286);
        assertThat(p[5]).isEqualTo(280);
        // no SurfTemp variable at all: surface = 5 cm value
        assertThat(InitialProfile.build(data(false), 0, 280, GRID)[0]).isEqualTo(290);
    }

    @Test
    void usesOnlyRequestedDepths() {
        double[] p = InitialProfile.build(data(false), 0, new double[] {0.15}, 280, GRID);
        assertThat(p[0]).isEqualTo(285);
        assertThat(p[1]).isEqualTo(285);
    }

    @Test
    void failsWithoutSoilTemperatureAtThatTime() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("Tair", new double[] {290, 290});
        v.put("SoilTemp_0.05", new double[] {Double.NaN, 290});
        SiteData d = new SiteData("no-soil", new long[] {0, 3600}, 3600, v);
        assertThatThrownBy(() -> InitialProfile.build(d, 0, 280, GRID)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("no-soil").hasMessageContaining("record 0").hasMessageContaining("SoilTemp")
                .hasMessageContaining("no soil temperature");
        assertThatThrownBy(() -> InitialProfile.build(d, 0, 280, new double[] {0.01, 1})).isInstanceOf(IllegalArgumentException.class);
    }
}
