package org.cml4j.lsm.data;

import org.cml4j.lsm.testsupport.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCsvTest {

    private static final String HEADER = "time,SWdown,LWdown,Tair,Qg";

    @TempDir
    Path tmp;

    private Path csv(String... lines) throws IOException {
        Path f = tmp.resolve("site.csv");
        Files.write(f, List.of(lines));
        return f;
    }

    private static SiteData synthetic() {
        long t0 = Instant.parse("2012-05-01T07:00:00Z").getEpochSecond();
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("SWdown", new double[] {0, 12.5, 400.25, Double.NaN});
        v.put("LWdown", new double[] {350, 351.1, 352.2, 353.3});
        v.put("Tair", new double[] {290.15, 291.0, Double.NaN, 293.123456789012});
        v.put("Qh", new double[] {-20, 5, 150, 1e-4});
        v.put("SoilTemp_0.02", new double[] {300, 301, 302, 303});
        v.put("SoilTemp_0.32", new double[] {295.5, Double.NaN, 295.6, 295.7});
        return new SiteData("synthetic", new long[] {t0, t0 + 1800, t0 + 3600, t0 + 5400}, 1800, v);
    }

    @Test
    void roundTripWriteThenReadIsEqual() throws IOException {
        SiteData original = synthetic();
        Path f = tmp.resolve("out/roundtrip.csv");
        SiteCsvWriter.write(original, f);
        SiteData back = SiteCsvReader.read(f);
        assertThat(back).isEqualTo(original);
        assertThat(back.source()).isEqualTo(f.toString());
        assertThat(back.soilDepths()).containsExactly(0.02, 0.32);
        assertThat(Files.readAllLines(f).get(1)).isEqualTo("time,SWdown,LWdown,Tair,Qh,SoilTemp_0.02,SoilTemp_0.32");
        assertThat(Files.readAllLines(f).get(2)).startsWith("2012-05-01T07:00:00Z,0.0,350.0,290.15,");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("roundtrip.csv");
        }
    }

    @Test
    void roundTripWithLocalOffsetAndOverwrite() {
        SiteData original = synthetic();
        Path f = tmp.resolve("local.csv");
        SiteCsvWriter.write(original.window(0, 2), f);
        SiteCsvWriter.write(original, f, ZoneOffset.ofHours(-7));
        assertThat(SiteCsvReader.read(f)).isEqualTo(original);
    }

    @Test
    void readsOffsetsAndZuluAndMissingCells() throws IOException {
        Path f = csv("# a comment line", HEADER,
                "2012-05-01T00:00:00-07:00,0,300,290,",
                "2012-05-01T07:30:00Z,NaN,301,291,5",
                "2012-05-01T01:00:00-07:00, 5 ,302,292,6");
        SiteData d = SiteCsvReader.read(f);
        assertThat(d.time(0)).isEqualTo(Instant.parse("2012-05-01T07:00:00Z"));
        assertThat(d.stepSeconds()).isEqualTo(1800);
        assertThat(d.variable("SWdown")).containsExactly(0, Double.NaN, 5);
        assertThat(d.variable("Qg")).containsExactly(Double.NaN, 5, 6);
        assertThat(d.report().variable("Qg").missing()).isEqualTo(1);
    }

    @Test
    void missingRequiredColumnNamesFileColumnAndListsColumnsFound() throws IOException {
        Path f = csv("time,SWdown,Tair", "2012-05-01T00:00:00Z,0,290", "2012-05-01T00:30:00Z,0,290");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("LWdown")
                .hasMessageContaining("[time, SWdown, Tair]")
                .satisfies(e -> assertThat(((SiteDataException) e).variable()).isEqualTo("LWdown"));
    }

    @Test
    void duplicatedTimeNamesTheLine() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,290,1",
                "2012-05-01T00:30:00Z,0,300,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 4").hasMessageContaining("duplicated time")
                .satisfies(e -> assertThat(((SiteDataException) e).record()).isEqualTo(4));
    }

    @Test
    void nonMonotonicTimeNamesTheLine() throws IOException {
        Path f = csv(HEADER, "2012-05-01T01:00:00Z,0,300,290,1", "2012-05-01T01:30:00Z,0,300,290,1",
                "2012-05-01T00:30:00Z,0,300,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 4").hasMessageContaining("not monotonic");
    }

    @Test
    void absentRecordIsMissingButShiftedRecordIsRejected() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,290,1",
                "2012-05-01T01:30:00Z,0,300,290,1");
        SiteData d = SiteCsvReader.read(f);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.value("Tair", 2)).isNaN();
        assertThat(d.report().timeGaps()).hasSize(1);
        Path g = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,290,1",
                "2012-05-01T01:00:00Z,0,300,290,1", "2012-05-01T01:20:00Z,0,300,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(g)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 5").hasMessageContaining("irregular time step: 1200 s");
    }

    @Test
    void airTemperatureOutOfRangeNamesLineVariableValueAndRange() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,400,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 3").hasMessageContaining("variable Tair")
                .hasMessageContaining("400.0").hasMessageContaining("150 to 350 K");
    }

    @Test
    void unparseableNumberNamesLineAndColumn() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,3OO,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 3").hasMessageContaining("column 3 (LWdown)").hasMessageContaining("'3OO'");
    }

    @Test
    void timeWithoutOffsetIsRejected() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00,0,300,290,1", "2012-05-01T00:30:00,0,300,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 2").hasMessageContaining("variable time").hasMessageContaining("UTC offset");
    }

    @Test
    void smallNegativeShortwaveIsClippedAndCounted() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,-5,300,290,1", "2012-05-01T00:30:00Z,-0.5,300,290,1",
                "2012-05-01T01:00:00Z,10,300,290,1");
        SiteData d = SiteCsvReader.read(f);
        assertThat(d.variable("SWdown")).containsExactly(0, 0, 10);
        assertThat(d.report().variable("SWdown").clipped()).isEqualTo(2);
        assertThat(d.report().toMarkdown()).contains("| SWdown | 0 | 0.0 | none |  | 2 | 0 |");
        // the flag follows the record into windows and resampling
        assertThat(d.window(1, 3).report().variable("SWdown").clipped()).isEqualTo(1);
        assertThat(d.resample(3600, ResampleMethod.SAMPLE).report().variable("SWdown").clipped()).isEqualTo(1);
    }

    @Test
    void largeNegativeShortwaveIsRejected() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,-50,300,290,1", "2012-05-01T00:30:00Z,0,300,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 2").hasMessageContaining("variable SWdown").hasMessageContaining("-50.0")
                .hasMessageContaining("0 to 1500 W m-2").hasMessageContaining("from -20");
    }

    @Test
    void fluxOutlierFailsByDefaultAndIsRejectedOnRequest() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,290,5000",
                "2012-05-01T01:00:00Z,0,300,290,2");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 3").hasMessageContaining("variable Qg").hasMessageContaining("SET_MISSING");
        SiteData d = SiteCsvReader.read(f, new SiteCsvReader.Options(OutOfRangePolicy.SET_MISSING));
        assertThat(d.variable("Qg")).containsExactly(1, Double.NaN, 2);
        assertThat(d.report().variable("Qg").rejectedOutliers()).isEqualTo(1);
        assertThat(d.report().variable("Qg").missing()).isEqualTo(1);
    }

    @Test
    void forcingOutlierFailsEvenWithSetMissing() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,900,290,1");
        assertThatThrownBy(() -> SiteCsvReader.read(f, new SiteCsvReader.Options(OutOfRangePolicy.SET_MISSING)))
                .isInstanceOf(SiteDataException.class).hasMessageContaining("variable LWdown")
                .hasMessageContaining("50 to 700 W m-2");
    }

    @Test
    void gapLongerThanLimitInWindowIsRejected() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,,1",
                "2012-05-01T01:00:00Z,0,300,,1", "2012-05-01T01:30:00Z,0,300,,1", "2012-05-01T02:00:00Z,0,300,290,1");
        SiteData d = SiteCsvReader.read(f);
        DataQualityReport r = d.window(Instant.parse("2012-05-01T00:00:00Z"), Instant.parse("2012-05-01T03:00:00Z")).report();
        assertThat(r.variable("Tair").longestGapRecords()).isEqualTo(3);
        assertThat(r.variable("Tair").longestGapSeconds()).isEqualTo(5400);
        d.requireNoGapLongerThan(Duration.ofMinutes(90), List.of("Tair", "SWdown"));
        assertThatThrownBy(() -> r.requireNoGapLongerThan(Duration.ofHours(1), List.of("SWdown", "Tair")))
                .isInstanceOf(SiteDataException.class).hasMessageContaining(f.toString())
                .hasMessageContaining("variable Tair").hasMessageContaining("starting at 2012-05-01T00:30:00Z")
                .hasMessageContaining("1 h 30 min").hasMessageContaining("limit of 1 h");
        // a window that avoids the gap passes
        d.window(3, 5).report().requireNoGapLongerThan(Duration.ofMinutes(30), List.of("Tair"));
    }

    @Test
    void wrongCellCountNamesTheLine() throws IOException {
        Path f = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,290");
        assertThatThrownBy(() -> SiteCsvReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("line 3").hasMessageContaining("expected 5 cells, found 4");
    }

    @Test
    void dispatcherRejectsUnknownExtensionAndMissingFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("data.xlsx"), "x");
        assertThatThrownBy(() -> SiteDataReaders.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("data.xlsx").hasMessageContaining("unknown file type '.xlsx'")
                .hasMessageContaining(".csv");
        assertThatThrownBy(() -> SiteDataReaders.read(tmp.resolve("absent.csv"))).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("absent.csv").hasMessageContaining("file not found");
        Path ok = csv(HEADER, "2012-05-01T00:00:00Z,0,300,290,1", "2012-05-01T00:30:00Z,0,300,290,1");
        assertThat(SiteDataReaders.read(ok).size()).isEqualTo(2);
    }

    @Test
    void realBondvilleWindowRoundTrips() {
        Path dat = SharedData.file("bondville-us-bo1-1998/forcing98_with_validation.dat");
        SiteData oct = NoahBondvilleReader.read(dat).window(12960, 12960 + 480);
        Path f = tmp.resolve("bondville-oct.csv");
        SiteCsvWriter.write(oct, f, ZoneOffset.ofHours(-6));
        assertThat(SiteCsvReader.read(f)).isEqualTo(oct);
    }
}
