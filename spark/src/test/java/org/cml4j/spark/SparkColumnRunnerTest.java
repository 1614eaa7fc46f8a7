package org.cml4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.regional.ColumnFit;
import org.cml4j.lsm.regional.ExecutorColumnRunner;
import org.cml4j.lsm.regional.MapSettings;
import org.cml4j.lsm.regional.MapTable;
import org.cml4j.lsm.regional.RegionalInput;
import org.cml4j.lsm.regional.RegionalMapping;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Spark local mode gives the embedded runner's map, bit for bit. */
class SparkColumnRunnerTest {
  static final RegionalMapping.Listener QUIET = new RegionalMapping.Listener() { };

  @TempDir
  Path tmp;

  @Test
  void sparkMainInLocalModeWritesTheEmbeddedRunnersMapExactly() throws Exception {
    SyntheticRegion region = SyntheticRegion.of(16, 5);
    Path nc = tmp.resolve("region.nc");
    region.writeNetcdf(nc);
    MapSettings settings = MapSettings.defaults().withStarts(1).withChunkSize(5);
    RegionalMapping.Summary embedded = RegionalMapping.run(RegionalInput.open(nc), settings,
        new ExecutorColumnRunner(2, true), new RegionalMapping.Options(tmp.resolve("embedded"),
            false, false, true), QUIET);

    CommandLine cl = SparkMapMain.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute(nc.toString(), "--out", tmp.resolve("spark").toString(), "--master",
        "local[2]", "--starts", "1", "--chunk", "5", "-q");
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("16 columns, 16 fitted, 0 failed")
        .contains("spark local[2] (2 partitions per chunk, batched)");

    Path sparkMap = tmp.resolve("spark").resolve(RegionalMapping.MAP_CSV);
    assertThat(Files.readString(sparkMap)).isEqualTo(Files.readString(embedded.mapCsv()));
    List<ColumnFit> a = MapTable.read(embedded.mapCsv());
    List<ColumnFit> b = MapTable.read(sparkMap);
    for (int i = 0; i < a.size(); i++) {
      for (int p = 0; p < a.get(i).names().size(); p++) {
        assertThat(b.get(i).values()[p]).isCloseTo(a.get(i).values()[p], within(1e-12));
      }
      assertThat(b.get(i).value("lambda")).isCloseTo(region.truth(i).lambda(),
          within(0.1 * region.truth(i).lambda()));
    }
    assertThat(tmp.resolve("spark").resolve(RegionalMapping.MAP_NC)).exists();
  }

  @Test
  void siteCsvColumnsAreReadOnTheExecutorsAndABadOneFailsAlone() throws Exception {
    Path dir = tmp.resolve("sites");
    SyntheticRegion.of(3, 9).writeCsvDirectory(dir);
    Path bad = dir.resolve("c00001.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(bad));
    lines.set(20, lines.get(20).replaceFirst(",[^,]*,", ",oops,"));
    Files.write(bad, lines);
    RegionalMapping.Summary s;
    try (SparkColumnRunner runner = SparkColumnRunner.create("local[2]", 0, 2)) {
      s = RegionalMapping.run(RegionalInput.open(dir), MapSettings.defaults().withStarts(1)
          .withChunkSize(2), runner, new RegionalMapping.Options(tmp.resolve("out"), false,
              false, false), QUIET);
    }
    assertThat(s.ok()).isEqualTo(2);
    List<ColumnFit> fits = MapTable.read(s.mapCsv());
    assertThat(fits.get(1).status()).isEqualTo(ColumnFit.FAILED);
    assertThat(fits.get(1).reason()).contains("c00001.csv").contains("line 21")
        .contains("SWdown").contains("'oops'");
    assertThat(fits.get(2).ok()).isTrue();
  }
}
