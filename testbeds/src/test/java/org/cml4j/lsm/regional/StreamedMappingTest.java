package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gridded region mapped as a stream: the run holds only the columns' identities until a chunk is
 * read, and the map does not depend on how the columns are chunked (a one-chunk run and a run of
 * small chunks write the same map.csv byte for byte and the same map.nc values), nor on whether
 * the rest of the file is read at all ({@code limit}).
 */
class StreamedMappingTest {
  @TempDir
  Path tmp;

  @Test
  void chunkedRunEqualsOneChunkRunByteForByteAndReadsOnlyWhatItMaps() throws IOException {
    Path input = tmp.resolve("region.nc");
    SyntheticRegion.of(11, 3).writeNetcdf(input);
    RegionalInput in = RegionalInput.open(input);
    assertThat(in.columns()).hasSize(11).allSatisfy(c -> assertThat(
        ((ColumnInput.Gridded) c).loaded()).as("values read before the chunk is fitted").isFalse());
    assertThat(RegionalMapping.chunks(in.columns(), 4).get(1).load().columns())
        .extracting(ColumnInput::id).containsExactly("c00004", "c00005", "c00006", "c00007")
        .hasSize(4);
    assertThat(RegionalMapping.chunks(in.columns(), 4).get(1).load().columns())
        .allSatisfy(c -> assertThat(((ColumnInput.Gridded) c).loaded()).isTrue());

    MapSettings settings = MapSettings.defaults().withStarts(1);
    RegionalMapping.Summary one = map(in, settings.withChunkSize(11), 1, "one");
    RegionalMapping.Summary small = map(in, settings.withChunkSize(3), 2, "small");
    assertThat(one.chunks()).isEqualTo(1);
    assertThat(small.chunks()).isEqualTo(4);
    assertThat(one.ok()).isEqualTo(11);
    assertThat(Files.mismatch(one.mapCsv(), small.mapCsv())).isEqualTo(-1L);
    try (HdfFile a = new HdfFile(one.mapNc()); HdfFile b = new HdfFile(small.mapNc())) {
      assertThat(b.getChildren().keySet()).isEqualTo(a.getChildren().keySet());
      for (Node n : a.getChildren().values()) {
        Dataset other = b.getDatasetByPath(n.getName());
        assertThat(other.getData()).as(n.getName()).isEqualTo(((Dataset) n).getData());
      }
    }

    RegionalMapping.Summary first4 = map(in.limit(4), settings.withChunkSize(3), 1, "limit");
    List<String> all = Files.readAllLines(one.mapCsv());
    assertThat(Files.readAllLines(first4.mapCsv())).isEqualTo(all.subList(0, 5));
  }

  private RegionalMapping.Summary map(RegionalInput in, MapSettings settings, int threads,
      String name) throws IOException {
    try (ExecutorColumnRunner runner = new ExecutorColumnRunner(threads, true)) {
      return RegionalMapping.run(in, settings, runner, new RegionalMapping.Options(
          tmp.resolve(name), false, false, true), RegionalMappingTest.QUIET);
    }
  }
}
