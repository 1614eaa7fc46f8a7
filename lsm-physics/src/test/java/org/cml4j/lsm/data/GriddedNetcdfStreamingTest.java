package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed gridded files: the writer taking columns block by block writes the same bytes as a
 * whole write, and reading a range of columns costs memory for those columns only (measured as the
 * heap this thread allocates, not as time), for contiguous and for chunked (netCDF C library)
 * variables.
 */
class GriddedNetcdfStreamingTest {
  @TempDir
  Path tmp;

  /** {@code n} columns of {@code nt} hours: smooth in-range forcing and two soil depths. */
  static List<GriddedColumn> columns(int n, int nt, String file) {
    long[] times = new long[nt];
    for (int t = 0; t < nt; t++) {
      times[t] = 1_593_561_600L + 3600L * t;
    }
    List<GriddedColumn> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      Map<String, double[]> v = new LinkedHashMap<>();
      String[] names = {"SWdown", "LWdown", "Tair", "SoilTemp_0.05", "SoilTemp_0.15"};
      double[] base = {0, 300, 290, 291, 292};
      for (int k = 0; k < names.length; k++) {
        double[] s = new double[nt];
        for (int t = 0; t < nt; t++) {
          s[t] = base[k] + (k == 0 ? 400 : 3) * (1 + Math.sin(0.26 * t + 0.1 * c + k));
        }
        v.put(names[k], s);
      }
      out.add(new GriddedColumn(c, String.format("c%05d", c), 40 + 0.01 * c, -95 - 0.01 * c,
          file, times, 3600, v));
    }
    return out;
  }

  @Test
  void blockByBlockWriteIsByteIdenticalToAWholeWriteAndReadsBack() throws Exception {
    List<GriddedColumn> cols = columns(11, 30, "x");
    Path whole = tmp.resolve("whole.nc");
    Path streamed = tmp.resolve("streamed.nc");
    GriddedNetcdfWriter.write(whole, cols, "t");
    GriddedNetcdfLayout layout = GriddedNetcdfReader.layout(whole);
    assertThat(layout.columns()).isEqualTo(11);
    assertThat(layout.bytesPerColumn()).isEqualTo(8L * 30 * 5);
    List<List<GriddedColumn>> blocks = List.of(cols.subList(0, 4), cols.subList(4, 8),
        cols.subList(8, 11));
    GriddedNetcdfWriter.write(streamed, layout, "t", blocks.iterator());
    assertThat(Files.mismatch(whole, streamed)).isEqualTo(-1L);
    List<GriddedColumn> back = GriddedNetcdfReader.read(streamed, 3, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(back.get(i).id()).isEqualTo(cols.get(3 + i).id());
      for (String v : cols.get(0).variables().keySet()) {
        assertThat(back.get(i).variables().get(v)).as(v)
            .containsExactly(cols.get(3 + i).variables().get(v));
      }
    }
    // blocks that do not cover the layout's columns fail naming the file; nothing is left
    Path partial = tmp.resolve("partial.nc");
    assertThatThrownBy(() -> GriddedNetcdfWriter.write(partial, layout, "t",
        List.of(cols.subList(0, 4)).iterator())).hasMessageContaining("partial.nc")
        .hasMessageContaining("4 columns given, the layout has 11");
    assertThat(partial).doesNotExist();
  }

  @Test
  void readingAColumnRangeAllocatesForThoseColumnsOnly() throws Exception {
    int n = 2000;
    int nt = 200;
    Path f = tmp.resolve("region.nc");
    GriddedNetcdfWriter.write(f, columns(n, nt, "x"), "t");
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long a0 = mx.getCurrentThreadAllocatedBytes();
    List<GriddedColumn> all = GriddedNetcdfReader.read(f);
    long whole = mx.getCurrentThreadAllocatedBytes() - a0;
    long bytesPerColumn = GriddedNetcdfReader.layout(f).bytesPerColumn();
    int count = 8;
    long a1 = mx.getCurrentThreadAllocatedBytes();
    List<GriddedColumn> part = GriddedNetcdfReader.read(f, 1000, count);
    long chunk = mx.getCurrentThreadAllocatedBytes() - a1;
    assertThat(part.get(7).variables().get("Tair")).containsExactly(
        all.get(1007).variables().get("Tair"));
    // the whole read holds every value at least once (16 MB here)
    assertThat(whole).isGreaterThan(n * bytesPerColumn);
    // a range: a few copies of its own values (HDF5 bytes, nested array, flat, per column) plus
    // the layout, O(time + columns): ids, lat, lon (about 1 KB per column at most)
    assertThat(chunk).as("bytes allocated reading %d of %d columns", count, n)
        .isLessThan(6 * count * bytesPerColumn + 1024L * n + (1 << 20));
    assertThat(chunk).isLessThan(whole / 5);
  }

  @Test
  void aRangeOfChunkedVariablesEqualsThoseColumnsOfTheWholeFile() throws Exception {
    // ncgen-2columns.nc: written by the netCDF C library, chunked (unlimited time) variables
    Path f = Path.of(getClass().getResource("/regional/ncgen-2columns.nc").toURI());
    List<GriddedColumn> all = GriddedNetcdfReader.read(f);
    for (int c = 0; c < 2; c++) {
      GriddedColumn one = GriddedNetcdfReader.read(f, c, 1).get(0);
      assertThat(one.id()).isEqualTo(all.get(c).id());
      assertThat(one.variables().keySet()).isEqualTo(all.get(c).variables().keySet());
      for (String v : one.variables().keySet()) {
        assertThat(one.variables().get(v)).as(v).containsExactly(all.get(c).variables().get(v));
      }
    }
    assertThat(all.get(1).variables().get("SWdown")).containsExactly(10, Double.NaN, 210);
  }
}
