package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritiableDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small netCDF-4-like HDF5 files written with jHDF, to check the generic parts of the reader. */
class AlmaNetcdfReaderSyntheticTest {

    @TempDir
    Path tmp;

    private static float[][][] cube(float... v) {
        float[][][] c = new float[v.length][1][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0][0] = v[i];
        }
        return c;
    }

    private Path write(String units, double[] time, float[] lwdown, Consumer<WritableHdfFile> extra) {
        Path f = tmp.resolve("site.nc");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putDataset("time", time).putAttribute("units", units);
            WritiableDataset sw = w.putDataset("SWdown", cube(0, 100, -999, 300));
            sw.putAttribute("_FillValue", new float[] {-999f});
            sw.putAttribute("units", "W m-2");
            if (lwdown != null) {
                w.putDataset("LWdown", cube(lwdown)).putAttribute("units", "W/m2");
            }
            WritiableDataset ta = w.putDataset("Tair", cube(20, 21, 22, 23));
            ta.putAttribute("units", "degC");
            w.putDataset("Tair_qc", new byte[] {0, 0, 3, 0});
            w.putDataset("SoilTemp", new double[] {300, 301, 302, 303}).putAttribute("depth", "5 cm");
            w.putDataset("Wind_N", new float[] {3, 3, 3, 3});
            w.putDataset("Wind_E", new float[] {4, 4, 4, 4});
            extra.accept(w);
        }
        return f;
    }

    private Path valid(Consumer<WritableHdfFile> extra) {
        return write("hours since 2012-05-01 00:00:00 -07:00", new double[] {0, 1, 2, 3},
                new float[] {350, 351, 352, 353}, extra);
    }

    @Test
    void readsGenericUnitsFillQcSingletonDimsAndDepthAttribute() {
        SiteData d = AlmaNetcdfReader.read(valid(w -> { }));
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.stepSeconds()).isEqualTo(3600);
        assertThat(d.time(0)).isEqualTo(Instant.parse("2012-05-01T07:00:00Z"));
        assertThat(d.variable("SWdown")).containsExactly(0, 100, Double.NaN, 300);
        assertThat(d.value("Tair", 0)).isCloseTo(293.15, within(1e-9));
        assertThat(d.value("Tair", 2)).isNaN(); // qc 3
        assertThat(d.soilDepths()).containsExactly(0.05);
        assertThat(d.variable("SoilTemp_0.05")).containsExactly(300, 301, 302, 303);
        assertThat(d.variable("Wind")).containsExactly(5, 5, 5, 5);
        assertThat(d.report().variable("Tair").missing()).isEqualTo(1);
    }

    @Test
    void outOfRangeValueNamesRecordIndexAndTimestamp() {
        Path f = write("seconds since 2012-05-01T07:00:00Z", new double[] {0, 3600, 7200, 10800},
                new float[] {350, 351, 800, 353}, w -> { });
        assertThatThrownBy(() -> AlmaNetcdfReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("record 2 (2012-05-01T09:00:00Z)")
                .hasMessageContaining("variable LWdown").hasMessageContaining("800.0")
                .hasMessageContaining("50 to 700 W m-2");
    }

    @Test
    void missingRequiredVariableListsVariablesFound() {
        Path f = write("seconds since 2012-05-01T07:00:00Z", new double[] {0, 3600, 7200, 10800}, null, w -> { });
        assertThatThrownBy(() -> AlmaNetcdfReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("variable LWdown").hasMessageContaining("required variable missing")
                .hasMessageContaining("SWdown").hasMessageContaining("Tair");
    }

    @Test
    void duplicatedTimeNamesTheRecord() {
        Path f = write("seconds since 2012-05-01T07:00:00Z", new double[] {0, 3600, 3600, 7200},
                new float[] {350, 351, 352, 353}, w -> { });
        assertThatThrownBy(() -> AlmaNetcdfReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("record 2").hasMessageContaining("duplicated time");
    }

    @Test
    void badTimeUnitsAndUnknownVariableUnitsAreExplained() {
        Path f = write("months since 2012-05-01", new double[] {0, 1, 2, 3}, new float[] {350, 351, 352, 353}, w -> { });
        assertThatThrownBy(() -> AlmaNetcdfReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("variable time").hasMessageContaining("months");
        Path g = valid(w -> w.putDataset("LWup", cube(400, 400, 400, 400)).putAttribute("units", "cal/cm2/min"));
        assertThatThrownBy(() -> AlmaNetcdfReader.read(g)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("variable LWup").hasMessageContaining("'cal/cm2/min'");
    }

    @Test
    void fluxOutlierCanBeSetMissing() {
        Path f = valid(w -> w.putDataset("Qh", cube(10, 5000, 20, 30)).putAttribute("units", "W/m2"));
        assertThatThrownBy(() -> AlmaNetcdfReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("record 1").hasMessageContaining("variable Qh");
        SiteData d = AlmaNetcdfReader.read(f, new AlmaNetcdfReader.Options(OutOfRangePolicy.SET_MISSING,
                java.util.Set.of(3), 0.02));
        assertThat(d.variable("Qh")).containsExactly(10, Double.NaN, 20, 30);
        assertThat(d.report().variable("Qh").rejectedOutliers()).isEqualTo(1);
    }

    @Test
    void notAnHdf5FileIsAClearError() throws IOException {
        Path f = Files.writeString(tmp.resolve("classic.nc"), "CDF\u0001 not really");
        assertThatThrownBy(() -> AlmaNetcdfReader.read(f)).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("classic.nc").hasMessageContaining("netCDF-4/HDF5");
        assertThatThrownBy(() -> AlmaNetcdfReader.read(tmp.resolve("absent.nc"))).isInstanceOf(SiteDataException.class)
                .hasMessageContaining("file not found");
    }
}
