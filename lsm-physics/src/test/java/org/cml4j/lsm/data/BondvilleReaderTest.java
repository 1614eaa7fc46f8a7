package org.cml4j.lsm.data;

import org.cml4j.lsm.testsupport.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real Noah Bondville 1998 file in place, plus synthetic malformed variants. */
class BondvilleReaderTest {

    private static final String FILE = "bondville-us-bo1-1998/forcing98_with_validation.dat";
    private static final double[] DEPTHS = {0.02, 0.04, 0.08, 0.16, 0.32, 0.64};

    @TempDir
    Path tmp;

    private static SiteData bondville() {
        return SharedData.read(FILE, NoahBondvilleReader::read);
    }

    @Test
    void halfHourEndingLocalLabelsBecomeUtcTimes() {
        SiteData d = bondville();
        assertThat(d.size()).isEqualTo(17520);
        assertThat(d.stepSeconds()).isEqualTo(1800);
        // first row: day 1, 0030 local standard time (UTC-6)
        assertThat(d.time(0)).isEqualTo(Instant.parse("1998-01-01T06:30:00Z"));
        // last row is written as day 1, time 0: 1999-01-01 00:00 local
        assertThat(d.time(d.size() - 1)).isEqualTo(Instant.parse("1999-01-01T06:00:00Z"));
    }

    @Test
    void convertsCelsiusToKelvinAndOtherUnitsToSi() {
        SiteData d = bondville();
        // row 1: air T -9.2 degC, pressure 1002 mb, skin -7.33 degC, soil 2 cm -8.05 degC, LWdown 281
        assertThat(d.value("Tair", 0)).isCloseTo(263.95, within(1e-9));
        assertThat(d.value("PSurf", 0)).isCloseTo(100200, within(1e-6));
        assertThat(d.value("SurfTemp", 0)).isCloseTo(265.82, within(1e-9));
        assertThat(d.value("SoilTemp_0.02", 0)).isCloseTo(265.10, within(1e-9));
        assertThat(d.value("SoilTemp_0.64", 0)).isCloseTo(277.01, within(1e-9));
        assertThat(d.value("LWdown", 0)).isEqualTo(281);
        assertThat(d.value("SWdown", 0)).isEqualTo(0.0); // written as "-0"
        assertThat(d.value("SoilMoist_0.05", 0)).isEqualTo(0.36);
        assertThat(d.variableNames()).containsSubsequence("SWdown", "LWdown", "Tair")
                .contains("Qh", "Qle", "Qg", "Rnet", "Wind", "Rainf", "SurfTemp");
    }

    @Test
    void missingValuesAndClippedWindAreReported() {
        DataQualityReport r = bondville().report();
        assertThat(r.variable("SWdown").missing()).isEqualTo(2);
        assertThat(r.variable("LWdown").missing()).isZero();
        assertThat(r.variable("Tair").missing()).isZero();
        assertThat(r.variable("Qg").missing()).isEqualTo(52);
        assertThat(r.variable("SurfTemp").missing()).isEqualTo(825);
        assertThat(r.variable("SoilTemp_0.02").missing()).isEqualTo(51);
        assertThat(r.variable("Qle").missing()).isEqualTo(3604);
        // two slightly negative wind speeds (-0.08, -0.18 m/s on day 205) are clipped to 0
        assertThat(r.variable("Wind").clipped()).isEqualTo(2);
        assertThat(java.util.Arrays.stream(bondville().variable("Wind"))).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        // the 24-record soil temperature gap on day 324 (Nov 20)
        assertThat(r.variable("SoilTemp_0.02").longestGapRecords()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void octoberSoilProfileDampsAndLagsTheDailyCycleWithDepth() {
        SiteData d = bondville();
        Instant start = OffsetDateTime.parse("1998-10-01T00:30:00-06:00").toInstant();
        Instant end = OffsetDateTime.parse("1998-11-01T00:30:00-06:00").toInstant();
        SiteData oct = d.window(start, end);
        assertThat(oct.size()).isEqualTo(31 * 48);
        assertThat(oct.soilDepths()).containsExactly(DEPTHS);
        oct.report().requireNoGapLongerThan(java.time.Duration.ZERO,
                List.of("SoilTemp_0.02", "SoilTemp_0.04", "SoilTemp_0.08", "SoilTemp_0.16", "SoilTemp_0.32", "SoilTemp_0.64"));
        long[] times = oct.times();
        double[] range = new double[DEPTHS.length];
        double[] peakHour = new double[DEPTHS.length];
        for (int k = 0; k < DEPTHS.length; k++) {
            double[] t = oct.variable(SiteData.soilTempName(DEPTHS[k]));
            for (int day = 0; day < 31; day++) {
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < 48; j++) {
                    max = Math.max(max, t[day * 48 + j]);
                    min = Math.min(min, t[day * 48 + j]);
                }
                range[k] += (max - min) / 31;
            }
            // time of the maximum of the 24 h harmonic, in local standard time (UTC-6)
            double a = 0;
            double b = 0;
            for (int i = 0; i < t.length; i++) {
                double w = 2 * Math.PI * Math.floorMod(times[i] - 6 * 3600, 86400) / 86400.0;
                a += t[i] * Math.cos(w);
                b += t[i] * Math.sin(w);
            }
            peakHour[k] = Math.floorMod((long) Math.round(Math.atan2(b, a) / (2 * Math.PI) * 86400), 86400) / 3600.0;
        }
        assertThat(range[0]).as("mean daily range 2 cm vs 32 cm").isGreaterThan(range[4]);
        for (int k = 1; k < DEPTHS.length; k++) {
            assertThat(range[k]).as("mean daily range at %s m vs the depth above", DEPTHS[k]).isLessThan(range[k - 1]);
        }
        assertThat(range[0]).isBetween(5.0, 20.0);
        assertThat(range[5]).isLessThan(1.0);
        // the daily wave arrives later with depth: unwrapped peak hour of the 24 h harmonic increases
        // (measured: 14.0, 15.0, 17.0, 20.2, 25.9, 31.7 h local at 2 ... 64 cm)
        for (int k = 1; k < DEPTHS.length; k++) {
            while (peakHour[k] < peakHour[k - 1]) {
                peakHour[k] += 24;
            }
            assertThat(peakHour[k] - peakHour[k - 1]).as("lag from the depth above to %s m", DEPTHS[k]).isBetween(0.5, 12.0);
        }
        assertThat(peakHour[0]).as("2 cm peak, local standard time").isBetween(12.0, 16.0);
        assertThat(peakHour[3] - peakHour[0]).as("lag 2 -> 16 cm").isBetween(4.0, 8.0);
    }

    @Test
    void dispatcherUsesTheNoahReaderForDat() {
        assertThat(SiteDataReaders.read(SharedData.file(FILE)).size()).isEqualTo(17520);
    }

    private static String row(int doy, int hhmm, double tairC) {
        StringBuilder sb = new StringBuilder();
        sb.append(doy).append(' ').append(hhmm);
        for (int c = 3; c <= 33; c++) {
            double v = switch (c) {
                case 5 -> tairC;
                case 7 -> 1000;
                case 8, 13 -> 0;
                case 30 -> 300;
                case 31, 32, 33 -> 0.3;
                default -> c >= 15 && c <= 21 ? 5.0 : 10.0;
            };
            sb.append(' ').append(v);
        }
        return sb.toString();
    }

    private Path write(String... lines) throws IOException {
        Path f = tmp.resolve("forcing.dat");
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void duplicatedTimeNamesTheLine() throws IOException {
        Path f = write(row(1, 30, 1), row(1, 100, 1), row(1, 100, 1));
        assertThatThrownBy(() -> NoahBondvilleReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 3").hasMessageContaining("duplicated time");
    }

    @Test
    void wrongColumnCountNamesTheLine() throws IOException {
        Path f = write(row(1, 30, 1), row(1, 100, 1) + " 7");
        assertThatThrownBy(() -> NoahBondvilleReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 2").hasMessageContaining("expected 33").hasMessageContaining("found 34");
    }

    @Test
    void unparseableNumberNamesLineColumnAndVariable() throws IOException {
        Path f = write(row(1, 30, 1), row(1, 100, 1).replaceFirst(" 1000.0 0.0 ", " 1000.0 abc "));
        assertThatThrownBy(() -> NoahBondvilleReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 2").hasMessageContaining("variable SWdown")
                .hasMessageContaining("column 8").hasMessageContaining("'abc'");
    }

    @Test
    void outOfRangeAirTemperatureNamesLineAndRange() throws IOException {
        Path f = write(row(1, 30, 1), row(1, 100, 1), row(1, 130, 150));
        assertThatThrownBy(() -> NoahBondvilleReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 3").hasMessageContaining("variable Tair")
                .hasMessageContaining("423.15").hasMessageContaining("150 to 350 K");
    }
}
