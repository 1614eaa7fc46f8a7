package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SiteRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader-level bad-input corpus: every case is generated here from one valid base file (4 days of
 * 30-min records) and asserts either acceptance with the right values and counts, or a
 * {@link SiteDataException} naming the file and the line or variable (and the allowed range when
 * there is one).
 */
class SiteReaderCorpusTest {

    private static final Instant T0 = Instant.parse("2012-05-01T00:00:00Z");
    private static final int N = 192;
    private static final String HEADER = "time,SWdown,LWdown,Tair,LWup,Qh,Qle,Qg,SoilTemp_0.10";

    @TempDir
    Path tmp;

    private int files;

    /** Data row i (0-based) of the base file; it is on line i + 3. */
    private static String row(int i, String time) {
        double hour = (i * 0.5) % 24;
        double sw = Math.max(0, 800 * Math.sin(Math.PI * (hour - 6) / 12));
        double ta = 295 + 5 * Math.sin(Math.PI * (hour - 9) / 12);
        return String.format(Locale.ROOT, "%s,%.1f,%.1f,%.2f,%.1f,%.1f,%.1f,%.1f,%.2f", time, sw, 350.0 + i % 7,
                ta, 450 + sw / 10, 50.0, 80.0, 20.0, 300 + 0.01 * i);
    }

    private static String utc(int i) {
        return T0.plusSeconds(1800L * i).toString();
    }

    private static int line(int i) {
        return i + 3;
    }

    private static List<String> base() {
        List<String> l = new ArrayList<>();
        l.add("# corpus base, site: synthetic");
        l.add(HEADER);
        for (int i = 0; i < N; i++) {
            l.add(row(i, utc(i)));
        }
        return l;
    }

    private static List<String> edit(UnaryOperator<List<String>> op) {
        return op.apply(base());
    }

    /** Replaces cell {@code col} (0 = time) of data row i. */
    private static UnaryOperator<List<String>> cell(int i, int col, String value) {
        return l -> {
            String[] c = l.get(line(i) - 1).split(",", -1);
            c[col] = value;
            l.set(line(i) - 1, String.join(",", c));
            return l;
        };
    }

    private Path write(List<String> lines, String eol, String ext) throws IOException {
        Path f = tmp.resolve("case" + (files++) + ext);
        Files.writeString(f, String.join(eol, lines) + eol, StandardCharsets.UTF_8);
        return f;
    }

    private Path csv(List<String> lines) throws IOException {
        return write(lines, "\n", ".csv");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Path f, Runnable read, String... parts) {
        var a = assertThatThrownBy(read::run).isInstanceOf(SiteDataException.class)
                .hasMessageContaining(f.toString());
        for (String p : parts) {
            a.hasMessageContaining(p);
        }
        return a;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> failsCsv(Path f, String... parts) {
        return fails(f, () -> SiteCsvReader.read(f), parts);
    }

    private static SiteData baseData() {
        return parse(base());
    }

    private static SiteData parse(List<String> lines) {
        try {
            Path f = Files.createTempFile("corpus-base", ".csv");
            try {
                Files.write(f, lines);
                return SiteCsvReader.read(f);
            } finally {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SiteRequest request(Path f, String observe, int fromHour, int hours) {
        Instant a = T0.plusSeconds(3600L * fromHour);
        return new SiteRequest("corpus", f, a, a.plusSeconds(3600L * hours), hours * 3 / 4, List.of(observe),
                List.of(), Double.NaN, List.of(FitParam.ALPHA, FitParam.LAMBDA), Map.of(), "");
    }

    private void ncCase(List<DynamicTest> cases, String name, Consumer<WritableHdfFile> tweak,
                        Consumer<Path> check) {
        cases.add(DynamicTest.dynamicTest("netcdf: " + name, () -> {
            Path f = tmp.resolve("nc" + (files++) + ".nc");
            try (WritableHdfFile w = HdfFile.write(f)) {
                tweak.accept(w);
            }
            check.accept(f);
        }));
    }

    private static void ncValid(WritableHdfFile w, String timeUnits, String tairUnits, boolean lwdown, float tair2) {
        ncValid(w, new double[] {0, 1, 2, 3}, timeUnits, tairUnits, lwdown, tair2);
    }

    private static void ncValid(WritableHdfFile w, double[] time, String timeUnits, String tairUnits, boolean lwdown,
                                float tair2) {
        w.putDataset("time", time).putAttribute("units", timeUnits);
        w.putDataset("SWdown", new float[] {0, 100, 200, 300}).putAttribute("units", "W m-2");
        if (lwdown) {
            w.putDataset("LWdown", new float[] {350, 351, 352, 353}).putAttribute("units", "W m-2");
        }
        w.putDataset("Tair", new float[] {290, 291, tair2, 293}).putAttribute("units", tairUnits);
    }

    @TestFactory
    List<DynamicTest> corpus() {
        List<DynamicTest> c = new ArrayList<>();
        SiteData ref = baseData();
        // ---------------------------------------------------------------- CSV structure
        c.add(DynamicTest.dynamicTest("base file is accepted", () -> {
            SiteData d = SiteCsvReader.read(csv(base()));
            assertThat(d.size()).isEqualTo(N);
            assertThat(d.stepSeconds()).isEqualTo(1800);
            assertThat(d.value("SoilTemp_0.10", 5)).isEqualTo(300.05);
            assertThat(d.zone()).isEqualTo(ZoneOffset.UTC);
            assertThat(d.report().warnings()).isEmpty();
        }));
        c.add(DynamicTest.dynamicTest("UTF-8 BOM before a comment line", () -> {
            List<String> l = base();
            l.set(0, "\uFEFF" + l.get(0));
            assertThat(SiteCsvReader.read(csv(l))).isEqualTo(ref);
        }));
        c.add(DynamicTest.dynamicTest("UTF-8 BOM before the header (Excel export)", () -> {
            List<String> l = base();
            l.remove(0);
            l.set(0, "\uFEFF" + l.get(0));
            assertThat(SiteCsvReader.read(csv(l))).isEqualTo(ref);
        }));
        c.add(DynamicTest.dynamicTest("CRLF line endings", () ->
                assertThat(SiteCsvReader.read(write(base(), "\r\n", ".csv"))).isEqualTo(ref)));
        c.add(DynamicTest.dynamicTest("whitespace-only trailing line", () -> {
            List<String> l = base();
            l.add("   \t ");
            assertThat(SiteCsvReader.read(csv(l))).isEqualTo(ref);
        }));
        c.add(DynamicTest.dynamicTest("blank and whitespace lines inside the data", () -> {
            List<String> l = base();
            l.add(50, "");
            l.add(20, "    ");
            assertThat(SiteCsvReader.read(csv(l))).isEqualTo(ref);
        }));
        c.add(DynamicTest.dynamicTest("comment lines inside the data", () -> {
            List<String> l = base();
            l.add(40, "# sensor maintenance here");
            l.add(2, "#another comment");
            assertThat(SiteCsvReader.read(csv(l))).isEqualTo(ref);
        }));
        c.add(DynamicTest.dynamicTest("quoted numbers, quoted time and spaces around cells", () -> {
            List<String> l = base();
            for (int i = 0; i < N; i++) {
                l.set(line(i) - 1, "\"" + l.get(line(i) - 1).replace(",", "\" , \"") + "\"");
            }
            assertThat(SiteCsvReader.read(csv(l))).isEqualTo(ref);
        }));
        c.add(DynamicTest.dynamicTest("semicolon-separated file is named as such", () -> {
            List<String> l = base();
            l.replaceAll(s -> s.startsWith("#") ? s : s.replace(',', ';'));
            failsCsv(csv(l), "line 1", "';'-separated", "cml4j expects commas");
        }));
        c.add(DynamicTest.dynamicTest("tab-separated file is named as such", () -> {
            List<String> l = base();
            l.replaceAll(s -> s.startsWith("#") ? s : s.replace(',', '\t'));
            failsCsv(csv(l), "tab-separated", "expects commas");
        }));
        c.add(DynamicTest.dynamicTest("missing required column", () -> {
            List<String> l = base();
            l.replaceAll(s -> s.startsWith("#") ? s : s.substring(0, s.lastIndexOf(',')));
            l.set(1, "time,SWdown,LWdown,Tqir,LWup,Qh,Qle,Qg");
            failsCsv(csv(l), "variable Tair", "required column 'Tair' missing", "Tqir");
        }));
        c.add(DynamicTest.dynamicTest("duplicate column", () -> {
            List<String> l = base();
            l.set(1, HEADER.replace("Qle", "Qh"));
            failsCsv(csv(l), "variable Qh", "duplicate column name 'Qh'", "columns 6 and 7");
        }));
        c.add(DynamicTest.dynamicTest("header column without a name", () -> {
            List<String> l = base();
            l.set(1, HEADER.replace(",Qg,", ",,"));
            failsCsv(csv(l), "header column 8 has no name");
        }));
        c.add(DynamicTest.dynamicTest("extra cell on one row", () -> {
            List<String> l = base();
            l.set(line(10) - 1, l.get(line(10) - 1) + ",1.0");
            failsCsv(csv(l), "line 13", "expected 9 cells", "found 10");
        }));
        c.add(DynamicTest.dynamicTest("missing cell on one row", () -> {
            List<String> l = base();
            l.set(line(30) - 1, l.get(line(30) - 1).substring(0, l.get(line(30) - 1).lastIndexOf(',')));
            failsCsv(csv(l), "line 33", "expected 9 cells", "found 8");
        }));
        c.add(DynamicTest.dynamicTest("non-numeric cell", () ->
                failsCsv(csv(edit(cell(7, 2, "3OO"))), "line 10", "variable LWdown", "'3OO'")));
        c.add(DynamicTest.dynamicTest("decimal comma in a quoted cell", () ->
                failsCsv(csv(edit(cell(7, 3, "\"295,5\""))), "line 10", "variable Tair", "decimal separator")));
        c.add(DynamicTest.dynamicTest("folder instead of file", () -> {
            Path dir = Files.createDirectories(tmp.resolve("afolder.csv"));
            failsCsv(dir, "is a folder");
            fails(dir, () -> SiteDataReaders.read(dir), "is a folder");
        }));
        c.add(DynamicTest.dynamicTest("missing file", () -> {
            Path f = tmp.resolve("nope.csv");
            failsCsv(f, "file not found");
        }));
        c.add(DynamicTest.dynamicTest("empty file", () -> failsCsv(write(List.of(), "", ".csv"), "empty file")));
        c.add(DynamicTest.dynamicTest("comments only", () -> failsCsv(csv(List.of("# nothing", "#")), "empty file")));
        c.add(DynamicTest.dynamicTest("header only", () ->
                failsCsv(csv(List.of(HEADER)), "need at least 2 data rows", "found 0")));
        c.add(DynamicTest.dynamicTest("not UTF-8", () -> {
            Path f = tmp.resolve("latin1.csv");
            byte[] head = "# caf\u00e9 site\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] rest = String.join("\n", base().subList(1, N + 2)).getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            Files.write(f, all);
            failsCsv(f, "not UTF-8");
        }));
        c.add(DynamicTest.dynamicTest("unknown extension", () -> {
            Path f = write(base(), "\n", ".xlsx");
            fails(f, () -> SiteDataReaders.read(f), "unknown file type '.xlsx'");
        }));
        // ---------------------------------------------------------------- values
        c.add(DynamicTest.dynamicTest("Tair out of range names line and range", () ->
                failsCsv(csv(edit(cell(40, 3, "400"))), "line 43", "variable Tair", "400.0", "150 to 350 K")));
        c.add(DynamicTest.dynamicTest("LWdown out of range", () ->
                failsCsv(csv(edit(cell(41, 2, "800"))), "line 44", "variable LWdown", "50 to 700 W m-2")));
        c.add(DynamicTest.dynamicTest("soil temperature in degC", () ->
                failsCsv(csv(edit(cell(0, 8, "27.0"))), "line 3", "variable SoilTemp_0.10", "200 to 360 K")));
        c.add(DynamicTest.dynamicTest("flux outlier fails by default, set missing on request", () -> {
            Path f = csv(edit(cell(60, 5, "5000")));
            failsCsv(f, "line 63", "variable Qh", "-1000 to 1500 W m-2", "SET_MISSING");
            SiteData d = SiteCsvReader.read(f, new SiteCsvReader.Options(OutOfRangePolicy.SET_MISSING));
            assertThat(d.value("Qh", 60)).isNaN();
            assertThat(d.report().variable("Qh").rejectedOutliers()).isEqualTo(1);
        }));
        c.add(DynamicTest.dynamicTest("day-time SWdown -15 is clipped, counted and reported", () -> {
            SiteData d = SiteCsvReader.read(csv(edit(cell(26, 1, "-15"))));
            assertThat(d.value("SWdown", 26)).isZero();
            DataQualityReport.VariableQuality q = d.report().variable("SWdown");
            assertThat(q.clipped()).isEqualTo(1);
            assertThat(q.firstClipped()).isEqualTo(T0.plusSeconds(26 * 1800L));
            assertThat(d.report().warnings()).containsExactly("SWdown: 1 value clipped into range 0 to 1500 W m-2"
                    + " (values from -20 up to 0 are clipped to 0), first at 2012-05-01T13:00:00Z");
            assertThat(d.report().toString()).contains("warning: SWdown: 1 value clipped");
        }));
        c.add(DynamicTest.dynamicTest("SWdown -50 is an error with the clip band", () ->
                failsCsv(csv(edit(cell(26, 1, "-50"))), "line 29", "variable SWdown", "-20")));
        c.add(DynamicTest.dynamicTest("undeclared -9999 sentinel fails with advice", () ->
                failsCsv(csv(edit(cell(12, 3, "-9999"))), "line 15", "variable Tair", "150 to 350 K",
                        "# missing_value: -9999")));
        c.add(DynamicTest.dynamicTest("declared -9999 sentinel is missing", () -> {
            List<String> l = edit(cell(12, 3, "-9999"));
            l.add(0, "# missing_value: -9999");
            SiteData d = SiteCsvReader.read(csv(l));
            assertThat(d.value("Tair", 12)).isNaN();
            assertThat(d.report().variable("Tair").missing()).isEqualTo(1);
        }));
        c.add(DynamicTest.dynamicTest("empty, NaN and NA cells are missing", () -> {
            SiteData d = SiteCsvReader.read(csv(edit(l -> cell(3, 4, "NA").apply(cell(2, 4, "nan")
                    .apply(cell(1, 4, "").apply(l))))));
            assertThat(d.report().variable("LWup").missing()).isEqualTo(3);
            assertThat(d.report().variable("LWup").longestGapRecords()).isEqualTo(3);
        }));
        c.add(DynamicTest.dynamicTest("infinite value", () ->
                failsCsv(csv(edit(cell(5, 6, "Infinity"))), "line 8", "variable Qle", "not finite")));
        c.add(DynamicTest.dynamicTest("observed variable missing throughout the fit period", () -> {
            List<String> l = base();
            for (int i = 0; i < N; i++) {
                l = cell(i, 4, "").apply(l);
            }
            Path f = csv(l);
            fails(f, () -> SiteExperiment.load(request(f, "SurfTemp", 24, 48)), "variable SurfTemp",
                    "no value in the fit period 2012-05-02T00:00:00Z");
        }));
        c.add(DynamicTest.dynamicTest("soil variable matched by numeric depth (0.10 = 0.1)", () -> {
            Path f = csv(base());
            SiteExperiment e = SiteExperiment.load(request(f, "SoilTemp_0.10", 24, 48));
            assertThat(e.observedSeries(0)).hasSize(48);
            assertThat(e.observedSeries(0)[0]).isCloseTo(300 + 0.01 * 48, within(1e-12));
            assertThat(e.initialState()).isNotNull();
        }));
        c.add(DynamicTest.dynamicTest("any lookup of a soil temperature matches by numeric depth", () -> {
            SiteData d = SiteCsvReader.read(csv(base()));
            assertThat(d.has("SoilTemp_0.1")).isTrue();
            assertThat(d.variable("SoilTemp_0.100")).isEqualTo(d.variable("SoilTemp_0.10"));
            assertThat(d.soilTempVariable(0.1)).contains("SoilTemp_0.10");
            assertThat(d.has("SoilTemp_0.2")).isFalse();
        }));
        c.add(DynamicTest.dynamicTest("two columns for the same soil depth", () -> {
            List<String> l = base();
            l.replaceAll(s -> s.startsWith("#") ? s : s + "," + s.substring(s.lastIndexOf(',') + 1));
            l.set(1, HEADER + ",SoilTemp_0.1");
            failsCsv(csv(l), "variable SoilTemp_0.1", "same soil depth (0.1 m) as variable SoilTemp_0.10");
        }));
        // ---------------------------------------------------------------- times
        c.add(DynamicTest.dynamicTest("unsorted times", () -> {
            List<String> l = base();
            String a = l.get(line(70) - 1);
            l.set(line(70) - 1, l.get(line(71) - 1));
            l.set(line(71) - 1, a);
            failsCsv(csv(l), "line 74", "variable time", "not monotonic", "line 73");
        }));
        c.add(DynamicTest.dynamicTest("duplicate time", () ->
                failsCsv(csv(edit(cell(71, 0, utc(70)))), "line 74", "duplicated time")));
        c.add(DynamicTest.dynamicTest("irregular step inside the window", () ->
                failsCsv(csv(edit(cell(100, 0, T0.plusSeconds(1800L * 100 + 600).toString()))), "line 103",
                        "irregular time step", "1800 s")));
        c.add(DynamicTest.dynamicTest("absent record inside the file is read as missing and reported", () -> {
            List<String> l = base();
            l.remove(line(90) - 1);
            l.remove(line(90) - 1);
            SiteData d = SiteCsvReader.read(csv(l));
            assertThat(d.size()).isEqualTo(N);
            assertThat(d.value("Tair", 90)).isNaN();
            assertThat(d.value("Tair", 91)).isNaN();
            assertThat(d.report().timeGaps()).containsExactly(new DataQualityReport.TimeGap(
                    T0.plusSeconds(90 * 1800L), T0.plusSeconds(91 * 1800L), 2));
            assertThat(d.report().warnings()).anyMatch(w -> w.startsWith("time: 2 missing records"));
        }));
        c.add(DynamicTest.dynamicTest("gaps and shifted times outside the window do not matter", () -> {
            List<String> l = edit(cell(5, 0, T0.plusSeconds(1800L * 5 + 60).toString()));
            l.remove(line(20) - 1);
            l.set(line(190) - 2, row(190, utc(190)).replace(",300.", ",999."));
            Path f = csv(l);
            SiteData d = SiteDataReaders.read(f, T0.plusSeconds(86400), T0.plusSeconds(3 * 86400));
            assertThat(d.size()).isEqualTo(96);
            assertThat(d.time(0)).isEqualTo(T0.plusSeconds(86400));
            assertThat(d.report().timeGaps()).isEmpty();
            assertThat(d).isEqualTo(ref.window(T0.plusSeconds(86400), T0.plusSeconds(3 * 86400)));
        }));
        c.add(DynamicTest.dynamicTest("absent records at the window start are reported as a gap", () -> {
            List<String> l = base();
            for (int k = 0; k < 3; k++) {
                l.remove(line(48) - 1);
            }
            SiteData d = SiteDataReaders.read(csv(l), T0.plusSeconds(86400), T0.plusSeconds(2 * 86400));
            assertThat(d.size()).isEqualTo(48);
            assertThat(d.report().timeGaps()).containsExactly(new DataQualityReport.TimeGap(
                    T0.plusSeconds(86400), T0.plusSeconds(86400 + 3600), 3));
        }));
        c.add(DynamicTest.dynamicTest("forcing gap inside the window longer than 3 h names its span", () -> {
            List<String> l = base();
            for (int k = 0; k < 10; k++) {
                l.remove(line(60) - 1);
            }
            Path f = csv(l);
            fails(f, () -> SiteExperiment.load(request(f, "SoilTemp_0.1", 24, 48)), "variable SWdown",
                    "forcing gap of 5 h from 2012-05-02T06:00:00Z to 2012-05-02T10:00:00Z");
        }));
        c.add(DynamicTest.dynamicTest("forcing gap of 1 h inside the window is interpolated", () -> {
            List<String> l = base();
            l.remove(line(61) - 1);
            l.remove(line(61) - 1);
            Path f = csv(l);
            SiteExperiment e = SiteExperiment.load(request(f, "SoilTemp_0.1", 24, 48));
            double[] ta = e.forcing().ta();
            assertThat(ta[7]).isCloseTo((ta[6] + ta[8]) / 2, within(1e-9));
            assertThat(e.quality().timeGaps()).hasSize(1);
        }));
        c.add(DynamicTest.dynamicTest("times with a UTC offset", () -> {
            Path f = tmp.resolve("offset.csv");
            SiteCsvWriter.write(ref, f, ZoneOffset.ofHours(-7));
            assertThat(Files.readAllLines(f).get(2)).startsWith("2012-04-30T17:00:00-07:00,");
            SiteData d = SiteCsvReader.read(f);
            assertThat(d).isEqualTo(ref);
            assertThat(d.zone()).isEqualTo(ZoneOffset.ofHours(-7));
            assertThat(d.report().toString()).contains("file time zone -07:00");
        }));
        c.add(DynamicTest.dynamicTest("local times with a declared zone", () -> {
            List<String> l = base();
            for (int i = 0; i < N; i++) {
                String local = T0.plusSeconds(1800L * i).atOffset(ZoneOffset.ofHours(-7)).toLocalDateTime()
                        .toString().replace('T', ' ');
                l = cell(i, 0, local).apply(l);
            }
            l.add(0, "# time_zone: -07:00");
            SiteData d = SiteCsvReader.read(csv(l));
            assertThat(d).isEqualTo(ref);
            assertThat(d.zone()).isEqualTo(ZoneOffset.ofHours(-7));
        }));
        c.add(DynamicTest.dynamicTest("local times without a declared zone", () ->
                failsCsv(csv(edit(cell(0, 0, "2012-05-01T00:00:00"))), "line 3", "variable time", "no UTC offset",
                        "# time_zone: -07:00")));
        c.add(DynamicTest.dynamicTest("unparseable time", () ->
                failsCsv(csv(edit(cell(9, 0, "01/05/2012 04:30"))), "line 12", "variable time", "ISO-8601")));
        c.add(DynamicTest.dynamicTest("bad declared zone", () -> {
            List<String> l = base();
            l.add(0, "# time_zone: Mars/Olympus");
            failsCsv(csv(l), "variable time", "Mars/Olympus");
        }));
        c.add(DynamicTest.dynamicTest("window without records names the data span", () -> {
            Path f = csv(base());
            fails(f, () -> SiteDataReaders.read(f, Instant.parse("2013-01-01T00:00:00Z"),
                    Instant.parse("2013-01-02T00:00:00Z")), "in the window", "found 0",
                    "data span 2012-05-01T00:00:00Z to 2012-05-04T23:30:00Z");
        }));
        // ---------------------------------------------------------------- ALMA netCDF
        ncCase(c, "valid file", w -> ncValid(w, "hours since 2012-05-01 00:00:00", "K", true, 292), f -> {
            SiteData d = AlmaNetcdfReader.read(f);
            assertThat(d.size()).isEqualTo(4);
            assertThat(d.value("Tair", 2)).isEqualTo(292.0);
        });
        ncCase(c, "missing variable", w -> ncValid(w, "hours since 2012-05-01 00:00:00", "K", false, 292),
                f -> fails(f, () -> AlmaNetcdfReader.read(f), "variable LWdown", "required variable missing"));
        ncCase(c, "wrong units", w -> ncValid(w, "hours since 2012-05-01 00:00:00", "furlongs", true, 292),
                f -> fails(f, () -> AlmaNetcdfReader.read(f), "variable Tair", "units 'furlongs' not understood"));
        ncCase(c, "bad time units", w -> ncValid(w, "fortnights after 2012", "K", true, 292),
                f -> fails(f, () -> AlmaNetcdfReader.read(f), "variable time", "time units 'fortnights after 2012'"));
        ncCase(c, "value out of range", w -> ncValid(w, "hours since 2012-05-01 00:00:00", "K", true, 500),
                f -> fails(f, () -> AlmaNetcdfReader.read(f), "record 2 (2012-05-01T02:00:00Z)", "variable Tair",
                        "150 to 350 K"));
        ncCase(c, "no time variable", w -> w.putDataset("Tair", new float[] {290, 291}),
                f -> fails(f, () -> AlmaNetcdfReader.read(f), "variable time", "no 'time' variable"));
        ncCase(c, "absent record is read as missing and reported",
                w -> ncValid(w, new double[] {0, 1, 3, 4}, "hours since 2012-05-01 00:00:00", "K", true, 292), f -> {
                SiteData d = AlmaNetcdfReader.read(f);
                assertThat(d.size()).isEqualTo(5);
                assertThat(d.stepSeconds()).isEqualTo(3600);
                assertThat(d.value("Tair", 2)).isNaN();
                assertThat(d.value("Tair", 3)).isEqualTo(292.0);
                assertThat(d.report().timeGaps()).containsExactly(new DataQualityReport.TimeGap(
                        Instant.parse("2012-05-01T02:00:00Z"), Instant.parse("2012-05-01T02:00:00Z"), 1));
            });
        ncCase(c, "shifted time", w -> ncValid(w, new double[] {0, 1, 2, 2.5}, "hours since 2012-05-01 00:00:00",
                "K", true, 292), f -> fails(f, () -> AlmaNetcdfReader.read(f), "record 3 (2012-05-01T02:30:00Z)",
                "variable time", "irregular time step: 1800 s"));
        c.add(DynamicTest.dynamicTest("netcdf: not an HDF5 file", () -> {
            Path f = write(base(), "\n", ".nc");
            fails(f, () -> SiteDataReaders.read(f), "cannot read as netCDF-4");
        }));
        System.out.println("reader corpus: " + c.size() + " cases");
        return c;
    }
}
