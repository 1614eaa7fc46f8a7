package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Container behaviour on tiny synthetic series with known results. */
class SiteDataTest {

    /** Six half-hourly records from 00:00 UTC, values 1..6 (Tair 281..286). */
    private static SiteData six() {
        long t0 = Instant.parse("2012-05-01T00:00:00Z").getEpochSecond();
        long[] t = new long[6];
        for (int i = 0; i < 6; i++) {
            t[i] = t0 + 1800L * i;
        }
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("SWdown", new double[] {1, 2, 3, 4, 5, 6});
        v.put("LWdown", new double[] {300, 300, 300, 300, 300, 300});
        v.put("Tair", new double[] {281, 282, 283, 284, 285, 286});
        v.put("Qh", new double[] {1, Double.NaN, 3, 4, 5, 6});
        return new SiteData("six-records", t, 1800, v);
    }

    @Test
    void sampleTakesTheRecordAtEachNewTimeLevel() {
        SiteData h = six().resample(3600, ResampleMethod.SAMPLE);
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.stepSeconds()).isEqualTo(3600);
        assertThat(h.time(0)).isEqualTo(Instant.parse("2012-05-01T00:00:00Z"));
        assertThat(h.time(2)).isEqualTo(Instant.parse("2012-05-01T02:00:00Z"));
        assertThat(h.variable("SWdown")).containsExactly(1, 3, 5);
        assertThat(h.variable("Qh")).containsExactly(1, 3, 5);
    }

    @Test
    void meanAveragesTheRecordsEndingAtEachNewTimeLevel() {
        SiteData h = six().resample(3600, ResampleMethod.MEAN);
        // levels 01:00 = mean(00:30, 01:00) and 02:00 = mean(01:30, 02:00); 02:30 is not on the hour
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.time(0)).isEqualTo(Instant.parse("2012-05-01T01:00:00Z"));
        assertThat(h.variable("SWdown")).containsExactly(2.5, 4.5);
        assertThat(h.variable("Tair")).containsExactly(282.5, 284.5);
        // a missing record in the interval makes the mean missing
        assertThat(h.variable("Qh")[0]).isNaN();
        assertThat(h.variable("Qh")[1]).isEqualTo(4.5);
        SiteData h3 = six().resample(5400, ResampleMethod.MEAN);
        assertThat(h3.variable("SWdown")).containsExactly(3); // (00:30, 01:30] -> 2, 3, 4
    }

    @Test
    void resampleRejectsStepsThatAreNotMultiples() {
        assertThatThrownBy(() -> six().resample(2700, ResampleMethod.SAMPLE)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("six-records").hasMessageContaining("multiple");
    }

    @Test
    void windowsByTimeAndIndex() {
        SiteData d = six();
        SiteData w = d.window(Instant.parse("2012-05-01T00:30:00Z"), Instant.parse("2012-05-01T02:00:00Z"));
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.variable("SWdown")).containsExactly(2, 3, 4);
        assertThat(d.window(1, 4)).isEqualTo(w);
        assertThat(d.indexOf(Instant.parse("2012-05-01T01:00:00Z"))).isEqualTo(2);
        assertThat(d.indexOf(Instant.parse("2012-05-01T01:10:00Z"))).isEqualTo(-1);
        assertThatThrownBy(() -> d.window(Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2013-01-02T00:00:00Z")))
                .isInstanceOf(SiteDataException.class).hasMessageContaining("no record in the window")
                .hasMessageContaining("2012-05-01T02:30:00Z");
    }

    @Test
    void absentVariableErrorListsAvailableOnes() {
        assertThatThrownBy(() -> six().variable("LWup")).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("six-records").hasMessageContaining("variable LWup")
                .hasMessageContaining("[SWdown, LWdown, Tair, Qh]");
        assertThat(six().has("LWup")).isFalse();
        assertThat(six().has("Tair")).isTrue();
    }

    @Test
    void isImmutable() {
        SiteData d = six();
        d.variable("Tair")[0] = -1;
        d.times()[0] = 0;
        assertThat(d.value("Tair", 0)).isEqualTo(281);
        assertThat(d.time(0)).isEqualTo(Instant.parse("2012-05-01T00:00:00Z"));
    }

    @Test
    void irregularOrDuplicatedTimeIsRejected() {
        Map<String, double[]> v = Map.of("Tair", new double[] {280, 281, 282});
        assertThatThrownBy(() -> new SiteData("src", new long[] {0, 1800, 1800}, 1800, v))
                .isInstanceOf(SiteDataException.class).hasMessageContaining("src").hasMessageContaining("record 2")
                .hasMessageContaining("not strictly increasing");
        assertThatThrownBy(() -> new SiteData("src", new long[] {0, 1800, 7200}, 1800, v))
                .isInstanceOf(SiteDataException.class).hasMessageContaining("irregular time step");
        assertThatThrownBy(() -> new SiteData("src", new long[] {0, 1800}, 1800, v))
                .isInstanceOf(SiteDataException.class).hasMessageContaining("variable Tair")
                .hasMessageContaining("3 values but there are 2 times");
    }

    @Test
    void soilTemperatureNamesUseMinimalDigits() {
        assertThat(SiteData.soilTempName(0.02)).isEqualTo("SoilTemp_0.02");
        assertThat(SiteData.soilTempName(0.64)).isEqualTo("SoilTemp_0.64");
        assertThat(SiteData.soilTempName(0.050)).isEqualTo("SoilTemp_0.05");
        assertThat(SiteData.soilTempName(1.0)).isEqualTo("SoilTemp_1");
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("SoilTemp_0.32", new double[] {290, 290});
        v.put("SoilTemp_0.02", new double[] {290, 290});
        assertThat(new SiteData("s", new long[] {0, 60}, 60, v).soilDepths()).containsExactly(0.02, 0.32);
        v.put("SoilTemp_deep", new double[] {290, 290});
        assertThatThrownBy(() -> new SiteData("s", new long[] {0, 60}, 60, v)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("SoilTemp_deep");
    }

    @Test
    void reportCountsMissingAndLongestGap() {
        DataQualityReport r = six().report();
        assertThat(r.variable("Qh").missing()).isEqualTo(1);
        assertThat(r.variable("Qh").longestGapSeconds()).isEqualTo(1800);
        assertThat(r.variable("Qh").longestGapStart()).isEqualTo(Instant.parse("2012-05-01T00:30:00Z"));
        assertThat(r.variable("Tair").longestGapRecords()).isZero();
        assertThat(r.toString()).contains("six-records").contains("Qh").contains("1 rec (30 min)");
        assertThat(DataQualityReport.formatDuration(90061)).isEqualTo("1 d 1 h 1 min 1 s");
    }
}
