package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gridded (time x column) netCDF-4 input format, written with jHDF. */
class GriddedNetcdfReaderTest {
  @TempDir
  Path tmp;

  /** 3 times x 2 columns; soil temperature at 5 and 20 cm given in cm and degC. */
  private Path file(Consumer<WritableHdfFile> edit) {
    Path f = tmp.resolve("grid" + System.nanoTime() + ".nc");
    try (WritableHdfFile w = HdfFile.write(f)) {
      w.putDataset("time", new double[] {0, 1, 2}).putAttribute("units",
          "hours since 2020-07-01 00:00:00");
      w.putDataset("Kdown", new float[][] {{0, 10}, {100, 110}, {-999, 210}})
          .putAttribute("_FillValue", new float[] {-999f});
      w.putDataset("Ldown", new double[][] {{300, 310}, {300, 310}, {300, 310}})
          .putAttribute("units", "W/m2");
      w.putDataset("Tair", new double[][] {{20, 21}, {20, 21}, {20, 21}})
          .putAttribute("units", "degC");
      w.putDataset("depth", new double[] {5, 20}).putAttribute("units", "cm");
      w.putDataset("SoilTemp", new double[][][] {{{290, 291}, {289, 288}},
          {{290.5, 291.5}, {289, 288}}, {{291, 292}, {289, 288}}}).putAttribute("units", "K");
      w.putDataset("lat", new double[] {40, 41});
      w.putDataset("column_id", new int[] {7, 9});
      edit.accept(w);
    }
    return f;
  }

  @Test
  void readsAliasesUnitsFillValuesDepthsAndIds() {
    List<GriddedColumn> cols = GriddedNetcdfReader.read(file(w -> { }));
    assertThat(cols).hasSize(2);
    GriddedColumn c = cols.get(1);
    assertThat(c.id()).isEqualTo("9");
    assertThat(c.index()).isEqualTo(1);
    assertThat(c.lat()).isEqualTo(41);
    assertThat(c.lon()).isNaN();
    assertThat(c.stepSeconds()).isEqualTo(3600);
    SiteData d = c.toSiteData();
    assertThat(d.time(0)).isEqualTo(Instant.parse("2020-07-01T00:00:00Z"));
    assertThat(d.variable("SWdown")).containsExactly(10, 110, 210);
    assertThat(d.variable("Tair")[0]).isCloseTo(294.15, within(1e-9));
    assertThat(d.soilDepths()).containsExactly(0.05, 0.2);
    assertThat(d.variable("SoilTemp_0.05")).containsExactly(291, 291.5, 292);
    assertThat(d.variable("SoilTemp_0.2")).containsExactly(288, 288, 288);
    assertThat(cols.get(0).toSiteData().variable("SWdown")).containsExactly(0, 100, Double.NaN);
  }

  @Test
  void aBadValueFailsOnlyItsColumnNamingFileColumnRecordAndRange() {
    Path f = file(w -> w.putDataset("SurfTemp", new double[][] {{290, 290}, {290, 900},
        {290, 290}}));
    List<GriddedColumn> cols = GriddedNetcdfReader.read(f);
    assertThat(cols.get(0).toSiteData().variable("SurfTemp")).containsExactly(290, 290, 290);
    assertThatThrownBy(() -> cols.get(1).toSiteData()).isInstanceOf(SiteDataException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("column 1 (id 9)")
        .hasMessageContaining("record 1 (2020-07-01T01:00:00Z)")
        .hasMessageContaining("variable SurfTemp").hasMessageContaining("200 to 360 K");
  }

  @Test
  void structuralProblemsNameTheVariableAndWhatIsExpected() {
    Path noLw = tmp.resolve("nolw.nc");
    try (WritableHdfFile w = HdfFile.write(noLw)) {
      w.putDataset("time", new double[] {0, 1}).putAttribute("units", "hours since 2020-07-01");
      w.putDataset("SWdown", new double[][] {{0}, {0}});
    }
    assertThatThrownBy(() -> GriddedNetcdfReader.read(noLw))
        .isInstanceOf(SiteDataException.class).hasMessageContaining("variable LWdown")
        .hasMessageContaining("[LWdown, Ldown]").hasMessageContaining("SWdown");

    Path shape = file(w -> w.putDataset("SurfTemp", new double[] {290, 290, 290}));
    assertThatThrownBy(() -> GriddedNetcdfReader.read(shape))
        .hasMessageContaining("variable SurfTemp")
        .hasMessageContaining("(time, column) = [3, 2], found shape [3]");

    Path units = file(w -> w.putDataset("SurfTemp", new double[][] {{1, 1}, {1, 1}, {1, 1}})
        .putAttribute("units", "degF"));
    assertThatThrownBy(() -> GriddedNetcdfReader.read(units))
        .hasMessageContaining("variable SurfTemp").hasMessageContaining("'degF'");

    Path ids = file(w -> w.putDataset("lon", new double[] {-95, 500}));
    assertThatThrownBy(() -> GriddedNetcdfReader.read(ids)).hasMessageContaining("variable lon")
        .hasMessageContaining("record 1").hasMessageContaining("500.0");

    assertThatThrownBy(() -> GriddedNetcdfReader.read(tmp.resolve("absent.nc")))
        .hasMessageContaining("file not found");
  }

  @Test
  void writerAndReaderRoundTripExactly() throws Exception {
    List<GriddedColumn> cols = GriddedNetcdfReader.read(file(w -> { }));
    Path out = tmp.resolve("copy.nc");
    GriddedNetcdfWriter.write(out, cols, "round trip");
    List<GriddedColumn> back = GriddedNetcdfReader.read(out);
    assertThat(back).hasSize(2);
    for (int c = 0; c < 2; c++) {
      assertThat(back.get(c).id()).isEqualTo(cols.get(c).id());
      assertThat(back.get(c).epochSeconds()).containsExactly(cols.get(c).epochSeconds());
      assertThat(back.get(c).variables().keySet()).containsExactlyInAnyOrderElementsOf(
          cols.get(c).variables().keySet());
      for (String v : cols.get(c).variables().keySet()) {
        assertThat(back.get(c).variables().get(v)).as(v)
            .containsExactly(cols.get(c).variables().get(v));
      }
    }
  }

  @Test
  void readsAFileWrittenByTheNetcdfCLibrary() throws Exception {
    // ncgen-2columns.nc: real netCDF-4 (dimension scales, unlimited chunked time, float data,
    // string ids), made by ncgen from ncgen-2columns.cdl
    Path f = Path.of(getClass().getResource("/regional/ncgen-2columns.nc").toURI());
    List<GriddedColumn> cols = GriddedNetcdfReader.read(f);
    assertThat(cols).extracting(GriddedColumn::id).containsExactly("a", "b");
    assertThat(cols.get(1).lon()).isEqualTo(-96);
    SiteData b = cols.get(1).toSiteData();
    assertThat(b.variable("SWdown")).containsExactly(10, Double.NaN, 210);
    assertThat(b.soilDepths()).containsExactly(0.05, 0.15);
    assertThat(b.variable("SoilTemp_0.15")).containsExactly(288, 288, 288);
    assertThat(b.time(2)).isEqualTo(Instant.parse("2020-07-01T02:00:00Z"));
  }
}
