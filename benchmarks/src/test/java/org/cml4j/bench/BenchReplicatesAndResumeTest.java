package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cml4j.cli.CliRun;
import org.cml4j.cli.Cml4jCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --replicates}, the significance text and the provenance check of {@code --resume}. */
class BenchReplicatesAndResumeTest {
  private static final int REPLICATE = ResultsCsv.HEADER.indexOf("replicate");
  private static final int RMSE = ResultsCsv.HEADER.indexOf("rmse");

  @Test
  void threeReplicatesAddRowsWithOtherWeatherAndTheReportTestsSignificance(@TempDir Path dir)
      throws Exception {
    CliRun r = CliRun.run("bench", "--suite", "tiny", "--tasks", "twin-n1,twin-n3",
        "--couplings", "baseline.physics-only,cascade.intermediate-variables", "--replicates",
        "3", "--threads", "2", "--quiet", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String[]> rows = BenchCommandTest.rows(dir.resolve("results.csv"));
    // 2 tasks x 2 couplings x 3 replicates x 8 targets, in (task, coupling, replicate) order
    assertThat(rows).hasSize(2 * 2 * 3 * 8);
    assertThat(rows.subList(0, 24)).extracting(c -> c[REPLICATE]).containsExactly(
        "1", "1", "1", "1", "1", "1", "1", "1", "2", "2", "2", "2", "2", "2", "2", "2",
        "3", "3", "3", "3", "3", "3", "3", "3");
    // replicate 2 has other weather and noise: other errors
    assertThat(rows.get(8)[RMSE]).isNotEqualTo(rows.get(0)[RMSE]);
    assertThat(rows).allMatch(c -> c[ResultsCsv.HEADER.indexOf("time_cap_hit")].equals("0"));
    assertThat(rows).filteredOn(c -> c[2].equals("cascade.intermediate-variables"))
        .allMatch(c -> c[ResultsCsv.HEADER.indexOf("mode")].equals(
            "2 intermediate-variable passing"));
    assertThat(rows).filteredOn(c -> c[2].equals("baseline.physics-only"))
        .allMatch(c -> c[ResultsCsv.HEADER.indexOf("mode")].isEmpty());
    String md = Files.readString(dir.resolve("report.md"));
    assertThat(md).contains("over 3 replicates").contains("Wilcoxon signed-rank")
        .containsPattern("p = (0\\.\\d{3}|< 0\\.001), n = \\d+").contains(" ± ")
        .contains("Noise or non-stationarity");
    assertThat(Files.readString(dir.resolve("provenance.json"))).contains("\"replicates\" : 3")
        .contains("couplingSeconds");
  }

  @Test
  void resumeRefusesAFolderMadeWithAnotherSeedAndReusesAMatchingOne(@TempDir Path dir)
      throws Exception {
    String[] base = {"bench", "--suite", "tiny", "--tasks", "twin-n1", "--couplings",
        "baseline.physics-only", "--quiet", "--out", dir.toString()};
    assertThat(CliRun.run(base).code()).isZero();
    String before = Files.readString(dir.resolve("results.csv"));

    CliRun other = CliRun.run(concat(base, "--resume", "--seed", "7"));
    assertThat(other.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(other.err()).contains("was made with seed 42, this run asks for seed 7").doesNotContain("Exception");
    assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo(before);

    CliRun suite = CliRun.run("bench", "--suite", "quick", "--tasks", "twin-n1", "--couplings",
        "baseline.physics-only", "--quiet", "--resume", "--out", dir.toString());
    assertThat(suite.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(suite.err()).contains("suite tiny, this run asks for suite quick");

    CliRun same = CliRun.run(concat(base, "--resume"));
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out()).contains("(1 reused)");

    // a cell computed on other task content is refused even when the manifest agrees
    Path cell = dir.resolve("cells/twin-n1__baseline.physics-only__r1.json");
    Files.writeString(cell, Files.readString(cell).replaceAll("\"contentKey\":\"[0-9a-f]+\"",
        "\"contentKey\":\"00\""));
    CliRun tampered = CliRun.run(concat(base, "--resume"));
    assertThat(tampered.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(tampered.err()).contains("task content").contains("twin-n1");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
