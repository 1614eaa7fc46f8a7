package org.cml4j.cli.map;

import org.cml4j.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.lsm.regional.ColumnFit;
import org.cml4j.lsm.regional.MapTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cml4j map} end to end through picocli: synthetic region, resume, bad usage. */
class MapCommandTest {

  @Test
  void syntheticRegionIsMappedComparedWithTruthAndResumed(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("m");
    CliRun r = CliRun.run("map", "--synthetic", "9", "--synthetic-format", "csv", "--starts", "1",
        "--chunk", "4", "--threads", "2", "-q", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("map: 9 columns, 9 fitted, 0 failed; 0 of 3 chunks resumed")
        .contains("columns/s end to end").containsPattern("lambda error vs truth: median \\d")
        .contains("identifiable in 9 of 9").contains("(2 threads, batched)")
        .containsPattern("CPU time \\(all threads, whole command\\): \\d+\\.\\d s = ")
        .containsPattern("peak memory: resident \\d+ MB \\(VmHWM\\), heap \\d+ MB");
    assertThat(out.resolve("synthetic").resolve("sites").resolve("c00008.csv")).exists();
    assertThat(out.resolve("synthetic").resolve("truth.csv")).exists();
    List<ColumnFit> fits = MapTable.read(out.resolve("map.csv"));
    assertThat(fits).hasSize(9).allMatch(ColumnFit::ok);
    assertThat(out.resolve("map.nc")).exists();
    String map = Files.readString(out.resolve("map.csv"));

    CliRun again = CliRun.run("map", "--synthetic", "9", "--synthetic-format", "csv", "--starts",
        "1",
        "--chunk", "4", "-q", "--out", out.toString());
    assertThat(again.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(again.err()).contains("earlier run").contains("--resume").contains("--force");

    Files.delete(out.resolve("parts").resolve("part-00001.csv"));
    CliRun resumed = CliRun.run("map", "--synthetic", "9", "--synthetic-format", "csv",
        "--starts", "1",
        "--chunk", "4", "-q", "--resume", "--out", out.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("2 of 3 chunks resumed").contains("fitting: 4 columns");
    assertThat(Files.readString(out.resolve("map.csv"))).isEqualTo(map);
  }

  @Test
  void badUsageAndBadInputExitWithCodeTwoAndOneLine(@TempDir Path dir) throws Exception {
    CliRun none = CliRun.run("map");
    assertThat(none.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(none.err()).contains("give INPUT").contains("--synthetic N");
    CliRun both = CliRun.run("map", "x.nc", "--synthetic", "4");
    assertThat(both.err()).contains("either INPUT or --synthetic");
    CliRun fitter = CliRun.run("map", "--synthetic", "4", "--fitter", "lockstep");
    assertThat(fitter.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(fitter.err()).contains("--fitter must be batched or column, got 'lockstep'");
    CliRun albedo = CliRun.run("map", "x.nc", "--albedo", "0.2", "--fit", "alpha,lambda");
    assertThat(albedo.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(albedo.err()).contains("albedo is both fixed (0.2) and fitted");
    CliRun missing = CliRun.run("map", dir.resolve("absent.nc").toString(), "--out",
        dir.resolve("o").toString());
    assertThat(missing.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(missing.err()).contains("absent.nc: no such file or directory");
    Path notNc = Files.writeString(dir.resolve("text.nc"), "not hdf5");
    CliRun bad = CliRun.run("map", notNc.toString(), "--out", dir.resolve("o").toString(), "-q");
    assertThat(bad.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(bad.err()).contains("text.nc").contains("netCDF-4/HDF5").doesNotContain("\tat ");
  }

  @Test
  void writtenInputIsMappedInPartAndBadFilesExitTwoNamingFileAndVariable(@TempDir Path dir)
      throws Exception {
    Path nc = dir.resolve("in").resolve("region.nc");
    CliRun gen = CliRun.run("map", "--synthetic", "6", "--hours", "30", "--write-input",
        nc.toString());
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(gen.out()).contains("wrote " + nc + ": 6 columns x 30 hourly records (")
        .contains("peak memory: resident");
    CliRun part = CliRun.run("map", nc.toString(), "--limit", "4", "--chunk", "3", "--starts",
        "1", "--threads", "1", "-q", "--out", dir.resolve("m").toString());
    assertThat(part.code()).as(part.err()).isZero();
    assertThat(part.out()).contains("map: 4 columns, 4 fitted, 0 failed; 0 of 2 chunks resumed");
    assertThat(MapTable.read(dir.resolve("m").resolve("map.csv"))).extracting(ColumnFit::id)
        .containsExactly("c00000", "c00001", "c00002", "c00003");

    Path noTair = dir.resolve("no-tair.nc");
    try (io.jhdf.WritableHdfFile w = io.jhdf.HdfFile.write(noTair)) {
      w.putDataset("time", new double[] {0, 1}).putAttribute("units", "hours since 2020-07-01");
      w.putDataset("SWdown", new double[][] {{0}, {0}});
      w.putDataset("LWdown", new double[][] {{300}, {300}});
    }
    CliRun bad = CliRun.run("map", noTair.toString(), "-q", "--out", dir.resolve("o").toString());
    assertThat(bad.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(bad.err()).contains("no-tair.nc").contains("Tair").doesNotContain("\tat ");
    CliRun limit = CliRun.run("map", nc.toString(), "--limit", "0");
    assertThat(limit.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(limit.err()).contains("--limit must be at least 1 column, got 0");
    CliRun orphan = CliRun.run("map", nc.toString(), "--write-input", "x.nc");
    assertThat(orphan.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(orphan.err()).contains("--write-input needs --synthetic N");
  }
}
