package org.cml4j.lsm.data;

import org.cml4j.lsm.testsupport.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the real Urban-PLUMBER West Phoenix file in place. */
class PhoenixNetcdfTest {

    private static final String FILE = "phoenix-us-westphoenix-2012/US-WestPhoenix_clean_observations_v1.nc";

    private static SiteData phoenix() {
        return SharedData.read(FILE, AlmaNetcdfReader::read);
    }

    @Test
    void readsWholeFileOnItsTimeAxis() {
        SiteData d = phoenix();
        assertThat(d.size()).isEqualTo(18313);
        assertThat(d.stepSeconds()).isEqualTo(1800);
        assertThat(d.time(0)).isEqualTo(Instant.parse("2011-12-16T18:30:00Z"));
        assertThat(d.time(6553)).isEqualTo(Instant.parse("2012-05-01T07:00:00Z"));
        assertThat(d.indexOf(OffsetDateTime.parse("2012-05-01T00:00:00-07:00").toInstant())).isEqualTo(6553);
        assertThat(d.variableNames()).contains("SWdown", "LWdown", "Tair", "SWup", "LWup", "Qh", "Qle",
                "Wind", "PSurf", "Qair", "SoilTemp_0.02");
    }

    @Test
    void soilTemperatureDepthComesFromTheVariableAttribute() {
        SiteData d = phoenix();
        assertThat(d.soilDepths()).containsExactly(0.02);
        double[] soil = d.variable("SoilTemp_0.02");
        for (double v : soil) {
            if (!Double.isNaN(v)) {
                assertThat(v).isBetween(270.0, 340.0);
            }
        }
    }

    @Test
    void fillValuesAndQcBecomeMissingAndAreCounted() {
        DataQualityReport r = phoenix().report();
        // counts of _FillValue -999 / qc 3 in the file
        assertThat(r.variable("SWdown").missing()).isEqualTo(298);
        assertThat(r.variable("Tair").missing()).isEqualTo(541);
        assertThat(r.variable("LWup").missing()).isEqualTo(253);
        assertThat(r.variable("Qh").missing()).isEqualTo(4041);
        assertThat(r.variable("SoilTemp_0.02").missing()).isEqualTo(4683);
        // SWdown was already clipped at 0 by the Urban-PLUMBER pipeline: nothing to clip here
        assertThat(r.variable("SWdown").clipped()).isZero();
        assertThat(java.util.Arrays.stream(phoenix().variable("SWdown"))).allSatisfy(v -> assertThat(v >= 0 || Double.isNaN(v)).isTrue());
        assertThat(r.toMarkdown()).contains("| SoilTemp_0.02 |", "| SWdown | 298 |");
    }

    @Test
    void paperWindowIsFullyObservedOnHourlySamples() {
        SiteData d = phoenix();
        Instant start = OffsetDateTime.parse("2012-05-01T00:00:00-07:00").toInstant();
        SiteData w = d.window(start, start.plus(Duration.ofHours(200))).resample(3600, ResampleMethod.SAMPLE);
        assertThat(w.size()).isEqualTo(200);
        assertThat(w.stepSeconds()).isEqualTo(3600);
        assertThat(w.time(0)).isEqualTo(Instant.parse("2012-05-01T07:00:00Z"));
        assertThat(w.time(199)).isEqualTo(Instant.parse("2012-05-09T14:00:00Z"));
        List<String> used = List.of("SWdown", "LWdown", "Tair", "LWup", "Qh", "SoilTemp_0.02");
        for (String v : used) {
            assertThat(w.variable(v)).as(v).doesNotContain(Double.NaN);
        }
        w.report().requireNoGapLongerThan(Duration.ZERO, used);
        assertThat(java.util.Arrays.stream(w.variable("SoilTemp_0.02"))).allSatisfy(v -> assertThat(v).isBetween(280.0, 340.0));
        assertThat(java.util.Arrays.stream(w.variable("Tair"))).allSatisfy(v -> assertThat(v).isBetween(285.0, 320.0));
        // sampled hourly values are the half-hourly records on the hour
        assertThat(w.value("Tair", 1)).isEqualTo(d.value("Tair", 6555));
        // local noon (19:00 UTC) has strong sun, local midnight none
        assertThat(w.value("SWdown", 12)).isGreaterThan(700);
        assertThat(w.value("SWdown", 0)).isZero();
    }

    @Test
    void gapCheckNamesVariableAndGapStart() {
        SiteData d = phoenix();
        Instant start = Instant.parse("2012-05-01T07:00:00Z");
        SiteData w = d.window(start, start.plus(Duration.ofHours(200)));
        // Qle has one missing half-hour in the paper window
        assertThat(w.report().variable("Qle").missing()).isEqualTo(1);
        assertThatThrownBy(() -> w.report().requireNoGapLongerThan(Duration.ofMinutes(10), List.of("Tair", "Qle")))
                .isInstanceOf(SiteDataException.class)
                .hasMessageContaining(FILE.substring(FILE.indexOf('/') + 1))
                .hasMessageContaining("variable Qle").hasMessageContaining("starting at 2012-05-0")
                .hasMessageContaining("30 min").hasMessageContaining("limit of 10 min");
    }

    @Test
    void windSpeedIsDerivedFromComponents() {
        double[] wind = phoenix().variable("Wind");
        assertThat(java.util.Arrays.stream(wind)).allSatisfy(v -> assertThat(v >= 0 || Double.isNaN(v)).isTrue());
        assertThat(phoenix().report().variable("Wind").missing()).isBetween(1673, 1673 + 1652);
    }

    @Test
    void dispatcherReadsTheSameData() {
        assertThat(SiteDataReaders.read(SharedData.file(FILE))).isEqualTo(phoenix());
    }

    @Test
    void meanResamplingAveragesTheHalfHours() {
        SiteData d = phoenix();
        SiteData w = d.window(6553, 6553 + 10).resample(3600, ResampleMethod.MEAN);
        // first full hour ending on the hour after 07:00 UTC is (07:00, 08:00]
        assertThat(w.time(0)).isEqualTo(Instant.parse("2012-05-01T08:00:00Z"));
        assertThat(w.value("Tair", 0)).isCloseTo((d.value("Tair", 6554) + d.value("Tair", 6555)) / 2, within(1e-9));
    }
}
