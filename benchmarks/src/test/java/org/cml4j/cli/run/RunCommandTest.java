package org.cml4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cml4j.bench.ResultsCsv;
import org.cml4j.bench.RunManifest;
import org.cml4j.cli.CliRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cml4j run FILE} on the example files of experiments/ and on bad files. */
class RunCommandTest {
  private static final Path EXPERIMENTS = Path.of("..", "experiments");

  /** results.csv rows without the two timing columns (parsed as CSV). */
  static List<String> withoutTimings(Path csv) throws Exception {
    List<String> out = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
      for (CSVRecord r : p) {
        List<String> c = new ArrayList<>(r.toList());
        c.remove(ResultsCsv.HEADER.indexOf("predict_seconds"));
        c.remove(ResultsCsv.HEADER.indexOf("fit_seconds"));
        out.add(String.join("|", c));
      }
    }
    return out;
  }

  @Test
  void tinyFileRuns(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a");
    CliRun r = CliRun.run("run", EXPERIMENTS.resolve("tiny.yaml").toString(), "--tasks", "twin",
        "--quiet", "--out", a.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("cml4j tiny: suite tiny, 1 tasks x 28 couplings/baselines");
    String yaml = Files.readString(a.resolve("experiment.yaml"));
    // every default filled in: tasks, baselines, each coupling with all of its settings
    assertThat(yaml).contains("name: tiny").contains("threads:").contains("- twin")
        .contains("- baseline.physics-only").contains("embed.enkf:").contains("members: 40")
        .contains("cascade.downscaling:").contains("factor: 3").contains("cascade.gap-fill: {}")
        .doesNotContainPattern("(?m)^out:");
    assertThat(Files.readAllLines(a.resolve("results.csv"))).anyMatch(l -> l.contains(",embed.enkf,")
        && l.contains(",ok,"));
  }

  /**
   * A run's experiment.yaml, run again, gives the same results.csv apart from the two timing
   * columns; non-default settings reach the couplings and are recorded in provenance.json and
   * the run manifest, and a resume with other settings is refused naming the coupling.
   */
  @Test
  void effectiveFileReproducesResultsAndSettingsAreRecorded(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("small.yaml");
    Files.writeString(f, String.join("\n", "name: small", "suite: tiny", "tasks: [twin]",
        "baselines: [baseline.physics-only]", "couplings:", "  embed.enkf:", "    members: 20",
        "  cascade.downscaling:", "    factor: 4", ""));
    Path a = dir.resolve("a");
    CliRun r = CliRun.run("run", f.toString(), "--quiet", "--out", a.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path effective = a.resolve("experiment.yaml");
    String yaml = Files.readString(effective);
    assertThat(yaml).contains("members: 20").contains("factor: 4").contains("inflation: 1.02");
    JsonNode prov = new ObjectMapper().readTree(a.resolve("provenance.json").toFile());
    assertThat(prov.at("/couplingSettings/embed.enkf/members").asInt()).isEqualTo(20);
    assertThat(prov.at("/couplingSettings/cascade.downscaling/factor").asInt()).isEqualTo(4);
    JsonNode manifest = new ObjectMapper().readTree(a.resolve(RunManifest.FILE).toFile());
    assertThat(manifest.at("/settings/embed.enkf").asText()).contains("\"members\":20");
    // the coupling ran with 20 members (its diagnostics record them)
    assertThat(Files.readString(a.resolve("results.csv"))).contains(",embed.enkf,");

    Path b = dir.resolve("b");
    CliRun again = CliRun.run("run", effective.toString(), "--quiet", "--out", b.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(withoutTimings(b.resolve("results.csv")))
        .isEqualTo(withoutTimings(a.resolve("results.csv")));
    assertThat(Files.readString(b.resolve("experiment.yaml"))).isEqualTo(yaml);

    CliRun other = CliRun.run("bench", "--suite", "tiny", "--tasks", "twin", "--couplings",
        "embed.enkf,cascade.downscaling,baseline.physics-only", "--resume", "--quiet", "--out",
        a.toString());
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("--resume refused").contains("coupling embed.enkf ran"
        + " with settings").contains("\"members\":20");
  }

  @Test
  void quickAndFullFilesAreValidInADryRun() {
    CliRun q = CliRun.run("run", "--dry-run", EXPERIMENTS.resolve("quick.yaml").toString());
    assertThat(q.code()).as(q.err()).isZero();
    assertThat(q.out()).contains("suite: quick").contains("replicates: 3")
        .contains("embed.enkf:").contains("couplings/baselines x 3 replicates")
        .contains("nothing computed");
    CliRun f = CliRun.run("run", "--dry-run", EXPERIMENTS.resolve("full.yaml").toString());
    assertThat(f.code()).as(f.err()).isZero();
    assertThat(f.out()).contains("suite: full").contains("cascade.transfer:");
  }

  @Test
  void siteFileBuildsItsSiteTaskInADryRun(@TempDir Path dir) throws Exception {
    // the file names its data relative to itself (../../shared/data: the checkout's
    // ../shared/data); from another checkout location the test points it at the located data
    Path data = org.cml4j.lsm.testsupport.SharedData.dir();
    Path file = EXPERIMENTS.resolve("site-bondville.yaml");
    String text = Files.readString(file);
    if (!Files.exists(EXPERIMENTS.resolve("../../shared/data"))) {
      file = dir.resolve("site-bondville.yaml");
      Files.writeString(file, text.replace("../../shared/data", data.toAbsolutePath()
          .toString()));
    }
    CliRun r = CliRun.run("run", "--dry-run", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("forcing98_with_validation.dat").contains("# 1 tasks x 28")
        .contains("nothing computed");
  }

  /** A bad file: its name, its text, and what the message must say. */
  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("bad.yaml", "name: bad\nsuite: tiny\nreplicate: 2\n", List.of(
            "bad.yaml line 3", "unknown key 'replicate'",
            "allowed keys: name, suite, seed, replicates")),
        Arguments.of("bad.yaml", "suite: tiny\ncouplings:\n  embed.enkf:\n    members: 2\n",
            List.of("bad.yaml line 3", "coupling embed.enkf: setting members = 2 is outside the"
                + " allowed range [4, 10000]")),
        Arguments.of("bad.yaml", "suite: tiny\ncouplings:\n  embed.enkf:\n    memberz: 20\n",
            List.of("coupling embed.enkf has no setting 'memberz'",
                "allowed keys: members, inflation")),
        Arguments.of("bad.yaml", "suite: tiny\ncouplings:\n  embed.nope: {}\n", List.of(
            "line 3", "unknown coupling 'embed.nope'", "registered: ")),
        Arguments.of("e.json", "{\"suite\": \"huge\"}", List.of(
            "suite must be tiny, quick or full, got 'huge'")),
        Arguments.of("e.json", "{\"suite\": \"tiny\", \"replicates\": 0}", List.of(
            "replicates must be an integer in [1, 100], got 0")),
        Arguments.of("e.json", "{\"suite\": \"tiny\", \"couplings\": {\"cascade.downscaling\":"
            + " {\"factor\": \"three\"}}}", List.of(
            "coupling cascade.downscaling: setting factor has the wrong type")));
  }

  /** Unknown keys, settings out of range or of the wrong type: exit 2 and a one-line reason. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badFiles")
  void badFileExits2NamingLineKeyAndAllowedValues(String name, String text, List<String> says,
      @TempDir Path dir) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    CliRun r = CliRun.run("run", "--dry-run", f.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    says.forEach(m -> assertThat(r.err()).contains(m));
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void jsonIsAcceptedAndNoTasksIsAnEmptyRun(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("e.json");
    Files.writeString(f, "{\"name\": \"j\", \"suite\": \"tiny\", \"tasks\": [\"twin\"],"
        + " \"baselines\": [\"baseline.physics-only\"],"
        + " \"couplings\": {\"cascade.downscaling\": {\"factor\": 4}}}");
    CliRun ok = CliRun.run("run", "--dry-run", f.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("factor: 4").contains("1 tasks x 2 couplings/baselines x 1"
        + " replicate = 2 cells");

    Files.writeString(f, "{\"suite\": \"tiny\", \"tasks\": []}");
    CliRun none = CliRun.run("run", "--dry-run", f.toString());
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.out()).contains("# 0 tasks x 28 couplings/baselines");
  }
}
