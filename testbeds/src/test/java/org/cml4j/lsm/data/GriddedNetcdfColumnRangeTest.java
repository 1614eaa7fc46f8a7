package org.cml4j.lsm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a column range of a gridded file ({@link GriddedNetcdfReader#read(Path, int, int)}, the
 * unit of streamed regional input): exactly the requested columns, equal value for value to the
 * same columns of a whole-file read, with the file's indices and ids.
 */
class GriddedNetcdfColumnRangeTest {
  @TempDir
  Path tmp;

  @Test
  void aColumnRangeEqualsThoseColumnsOfTheWholeFile() throws IOException {
    Path f = tmp.resolve("region.nc");
    SyntheticRegion.of(23, 5).writeNetcdf(f);
    List<GriddedColumn> all = GriddedNetcdfReader.read(f);
    assertThat(GriddedNetcdfReader.columnCount(f)).isEqualTo(23);
    for (int[] r : new int[][] {{0, 4}, {9, 5}, {20, 3}, {22, 1}}) {
      List<GriddedColumn> part = GriddedNetcdfReader.read(f, r[0], r[1]);
      assertThat(part).hasSize(r[1]);
      for (int i = 0; i < r[1]; i++) {
        GriddedColumn a = all.get(r[0] + i);
        GriddedColumn b = part.get(i);
        assertThat(b.index()).isEqualTo(a.index()).isEqualTo(r[0] + i);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.lat()).isEqualTo(a.lat());
        assertThat(b.lon()).isEqualTo(a.lon());
        assertThat(b.epochSeconds()).isEqualTo(a.epochSeconds());
        assertThat(b.variables().keySet()).isEqualTo(a.variables().keySet());
        for (String v : a.variables().keySet()) {
          assertThat(b.variables().get(v)).as(v).isEqualTo(a.variables().get(v));
        }
      }
    }
    assertThat(GriddedNetcdfReader.read(f, 20, -1)).hasSize(3);
  }

  @Test
  void aRangeOutsideTheFileNamesTheFileAndItsColumns() throws IOException {
    Path f = tmp.resolve("small.nc");
    SyntheticRegion.of(4, 5).writeNetcdf(f);
    assertThatThrownBy(() -> GriddedNetcdfReader.read(f, 3, 2))
        .isInstanceOf(SiteDataException.class).hasMessageContaining("small.nc")
        .hasMessageContaining("columns 3 .. 4").hasMessageContaining("0 .. 3");
  }
}
