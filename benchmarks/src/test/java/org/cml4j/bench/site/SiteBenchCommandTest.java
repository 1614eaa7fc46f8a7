package org.cml4j.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cml4j.cli.CliRun;
import org.cml4j.core.provenance.Provenance;
import org.cml4j.lsm.data.SiteDataReaders;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cml4j convert} and {@code cml4j bench --site} end to end, in process. */
class SiteBenchCommandTest {
  static final String BV = "bondville-us-bo1-1998/forcing98_with_validation.dat";
  static final String[] MUST_SHOW = {"--window", "1998-10-01/1998-10-15", "--split", "0.5,0.15",
      "--observe", "SoilTemp_0.04,SoilTemp_0.08", "--predict", "SoilTemp_0.16,SoilTemp_0.32",
      "--suite", "tiny", "--quiet"};

  static String[] args(String[] head, String... tail) {
    String[] a = new String[head.length + tail.length];
    System.arraycopy(head, 0, a, 0, head.length);
    System.arraycopy(tail, 0, a, head.length, tail.length);
    return a;
  }

  static List<CSVRecord> results(Path csv) throws Exception {
    try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder()
        .setHeader().setSkipHeaderRecord(true).build())) {
      return p.getRecords();
    }
  }

  /** The must-show: a converted Bondville CSV benchmarked with every paradigm and baseline. */
  @Test
  void convertedBondvilleRunsEveryParadigmAndTheBaselines(@TempDir Path dir) throws Exception {
    Path bv = dir.resolve("bv.csv");
    CliRun c = CliRun.run("convert", SharedData.file(BV).toString(), bv.toString());
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("17520 records");
    assertThat(SiteDataReaders.read(bv).variableNames()).contains("SoilTemp_0.04",
        "SoilTemp_0.08", "SoilTemp_0.16", "SoilTemp_0.32", "SWdown", "LWdown", "Tair");
    Path out = dir.resolve("out");
    CliRun r = CliRun.run(args(new String[] {"bench", "--site", bv.toString()}, args(MUST_SHOW,
        "--out", out.toString())));
    assertThat(r.code()).as(r.err()).isZero();
    for (String f : List.of("results.csv", "report.md", "report.html", "provenance.json",
        "run-manifest.json")) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    List<CSVRecord> rows = results(out.resolve("results.csv"));
    Set<String> okParadigms = new HashSet<>();
    Set<String> okCouplings = new HashSet<>();
    for (CSVRecord x : rows) {
      assertThat(x.get("task")).isEqualTo("site:bv:1998-10-01");
      assertThat(x.get("family")).isEqualTo("site");
      assertThat(x.get("status")).as(x.get("coupling") + " " + x.get("reason"))
          .isNotEqualTo("failed");
      if (x.get("status").equals("ok")) {
        okParadigms.add(x.get("paradigm"));
        okCouplings.add(x.get("coupling"));
        assertThat(Double.parseDouble(x.get("rmse"))).as(x.get("coupling")).isFinite();
      }
    }
    assertThat(okParadigms).contains("cascade", "embedding", "fusion", "baseline");
    assertThat(okCouplings).contains("baseline.physics-only", "baseline.learning-only",
        "baseline.1lin", "baseline.2lin", "baseline.3km27");
    // the predicted-only depths are scored by the physics (never observed)
    assertThat(rows).anySatisfy(x -> {
      assertThat(x.get("coupling")).isEqualTo("baseline.physics-only");
      assertThat(x.get("target")).isEqualTo("SoilTemp_0.32");
      assertThat(x.get("status")).isEqualTo("ok");
    });
    String report = Files.readString(out.resolve("report.md"));
    assertThat(report).contains("site:bv:1998-10-01").contains("cascade").contains("fusion");
    String sha = Provenance.sha256(bv);
    assertThat(Files.readString(out.resolve("provenance.json"))).contains("\"inputSha256\" : \""
        + sha + "\"");
    assertThat(Files.readString(out.resolve("run-manifest.json"))).contains(sha);
  }

  @Test
  void badSiteInputExitsWithCodeTwoNamingTheProblem(@TempDir Path dir) {
    String f = SharedData.file(BV).toString();
    Map<String, String[]> cases = new java.util.LinkedHashMap<>();
    cases.put("Qair", new String[] {"--site", f, "--window", "1998-10-01/1998-10-15",
        "--observe", "SoilTemp_0.04", "--predict", "Qair"});
    cases.put("no record in the window", new String[] {"--site", f, "--window",
        "2004-10-01/2004-10-15", "--observe", "SoilTemp_0.04"});
    cases.put("train + validation < 1", new String[] {"--site", f, "--window",
        "1998-10-01/1998-10-15", "--split", "0.8,0.2", "--observe", "SoilTemp_0.04"});
    cases.put("fix beta0: unknown parameter", new String[] {"--site", f, "--window",
        "1998-10-01/1998-10-15", "--observe", "SoilTemp_0.04", "--fix", "beta0=1"});
    cases.put("fix alpha=1.5: outside the allowed range [0.0, 1.0]", new String[] {"--site", f,
        "--window", "1998-10-01/1998-10-15", "--observe", "SoilTemp_0.04", "--fix",
        "alpha=1.5"});
    cases.put("--window needs --site", new String[] {"--window", "1998-10-01/1998-10-15"});
    cases.put("--site needs --window", new String[] {"--site", f, "--observe", "SoilTemp_0.04"});
    cases.put("fix alpha=abc", new String[] {"--site", f, "--window", "1998-10-01/1998-10-15",
        "--observe", "SoilTemp_0.04", "--fix", "alpha=abc"});
    cases.put("two tasks have the id site:forcing98_with_validation:1998-10-01", new String[] {
        "--site", f, "--site", f, "--window", "1998-10-01/1998-10-15", "--observe",
        "SoilTemp_0.04"});
    cases.put("missing.csv: file not found", new String[] {"--site", "missing.csv", "--window",
        "1998-10-01/1998-10-15", "--observe", "SoilTemp_0.04"});
    for (var e : cases.entrySet()) {
      CliRun r = CliRun.run(args(args(new String[] {"bench"}, e.getValue()), "--suite", "tiny",
          "--quiet", "--out", dir.resolve("o").toString()));
      assertThat(r.code()).as(e.getKey() + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(e.getKey()).contains(e.getKey()).doesNotContain("\tat ");
    }
    assertThat(dir.resolve("o").resolve("results.csv")).doesNotExist();
    CliRun bad = CliRun.run("convert", f, dir.resolve("bv.txt").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("must end in .csv");
    CliRun missing = CliRun.run("convert", "nope.dat", dir.resolve("x.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.dat").contains("file not found");
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }

  /** --resume refuses a folder whose site file changed, naming the task and the checksums. */
  @Test
  void resumeRefusesAChangedSiteFile(@TempDir Path dir) throws Exception {
    String f = SharedData.file(BV).toString();
    Path csv = dir.resolve("bv.csv");
    assertThat(CliRun.run("convert", f, csv.toString(), "--start", "1998-10-01", "--end",
        "1998-10-06").code()).isZero();
    String[] bench = {"bench", "--site", csv.toString(), "--window", "1998-10-01/1998-10-05",
        "--observe", "SoilTemp_0.04", "--couplings", "baseline.1lin", "--suite", "tiny",
        "--quiet", "--out", dir.resolve("o").toString()};
    CliRun first = CliRun.run(bench);
    assertThat(first.code()).as(first.err()).isZero();
    String before = Provenance.sha256(csv);
    CliRun again = CliRun.run(args(bench, "--resume"));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("(1 reused)");
    // same window, other bytes: the file now ends a day later
    assertThat(CliRun.run("convert", f, csv.toString(), "--start", "1998-10-01", "--end",
        "1998-10-07").code()).isZero();
    CliRun changed = CliRun.run(args(bench, "--resume"));
    assertThat(changed.code()).isEqualTo(2);
    assertThat(changed.err()).contains("site:bv:1998-10-01").contains(before)
        .contains(Provenance.sha256(csv));
  }
}
