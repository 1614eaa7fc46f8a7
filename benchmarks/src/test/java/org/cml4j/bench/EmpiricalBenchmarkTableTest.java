package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.core.baseline.EmpiricalBaseline;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmpiricalBenchmarkTableTest {
  /** An ok cell of one target whose six PLUMBER2 metrics all equal {@code v}, bias {@code b}. */
  static CellResult cell(String approach, String target, double v, double b) {
    TargetScore s = new TargetScore(target, 48, v, b, 0.5, v, v, v, v, v);
    return new CellResult("twin", "structural-twin", approach, "c", "p", CellResult.OK, "", 3,
        List.of(s), List.of(), Double.NaN, Double.NaN, 0, 0, Map.of(), Map.of(), 1, "", "", false,
        "", Map.of());
  }

  @Test
  void replicatesAreAveragedMetricByMetricBiasSignedFirst() {
    var avg = EmpiricalComparison.averaged(List.of(cell("x", "Qg", 1, 1),
        cell("x", "Qg", 3, -3)));
    double[] m = avg.get(new EmpiricalComparison.Key("twin", "x", "Qg"));
    assertThat(m[0]).isEqualTo(2.0); // MAE
    assertThat(m[1]).isEqualTo(1.0); // |mean(1, -3)|
  }

  @Test
  void beatingNeedsMoreThanHalfOfTheMetrics() {
    double[] model = {1, 1, 1, 1, 1, 1};
    int[] three = EmpiricalComparison.better(model, new double[] {2, 2, 2, 0, 0, 1});
    assertThat(three).containsExactly(3, 6);
    assertThat(EmpiricalComparison.beats(three)).isFalse();
    int[] four = EmpiricalComparison.better(model, new double[] {2, 2, 2, 2, 0, Double.NaN});
    assertThat(four).containsExactly(4, 5);
    assertThat(EmpiricalComparison.beats(four)).isTrue();
    assertThat(EmpiricalComparison.better(model, null)).isNull();
  }

  @Test
  void sectionListsWinnersAndCouplingsThatDoNotBeat2linOr3km27() {
    BenchTask twin = TaskCatalog.tiny(null, 42).task("twin");
    List<CellResult> cells = new ArrayList<>(List.of(cell("baseline.1lin", "Qg", 5, 5),
        cell("baseline.2lin", "Qg", 3, -3), cell("baseline.3km27", "Qg", 2, 2),
        cell("good", "Qg", 1, 1), cell("good", "Qg", 1.5, -1.5), // two replicates: |bias| 0.25
        cell("weak", "Qg", 4, 4)));
    List<ReportDocument.Block> b = EmpiricalBenchmarkTable.blocks(List.of(twin), cells);
    List<String> bullets = b.stream().filter(o -> o instanceof ReportDocument.Bullets)
        .flatMap(o -> ((ReportDocument.Bullets) o).items().stream()).toList();
    assertThat(bullets.get(0)).endsWith(": good.");
    assertThat(bullets.get(1)).contains("2lin").endsWith(": weak.");
    assertThat(bullets.get(2)).contains("3km27").endsWith(": weak.");
    List<ReportDocument.Table> tables = b.stream().filter(o -> o instanceof ReportDocument.Table)
        .map(o -> (ReportDocument.Table) o).toList();
    // summary, per target, one task table, rank table
    assertThat(tables).hasSize(4);
    assertThat(tables.get(1).rows()).containsExactly(List.of("Qg", "2", "2 (100 %)",
        "1 (50 %)", "1 (50 %)", "1 (50 %)"));
    assertThat(b).anyMatch(o -> o instanceof ReportDocument.Para p
        && p.text().contains("beat 2lin or 3km27 (pairs beating 2lin and 3km27 in brackets):"
        + " Qg (1 and 1 of 2)."));
    assertThat(tables.get(0).rows().get(0)).containsExactly("good", "1", "1 (100 %)",
        "1 (100 %)", "1 (100 %)", "1 (100 %)");
    assertThat(tables.get(0).rows().get(1)).containsExactly("weak", "1", "1 (100 %)",
        "0 (0 %)", "0 (0 %)", "0 (0 %)");
    int qg = tables.get(2).header().indexOf("Qg");
    assertThat(tables.get(2).rows().get(0).get(qg)).isEqualTo("**6/6 6/6 6/6**");
    assertThat(tables.get(2).rows().get(1).get(qg)).isEqualTo("6/6 0/6 0/6");
    // ranks of 5 approaches on every metric: good 0, 3km27 0.25, 2lin 0.5, weak 0.75, 1lin 1
    List<String> first = tables.get(3).rows().get(0);
    assertThat(first.subList(0, 2)).containsExactly("good", "0.000");
    assertThat(tables.get(3).rows().get(4).subList(0, 2)).containsExactly("*baseline.1lin*",
        "1.000");
  }

  @Test
  void aTinyRunProducesTheBenchmarkRowsTheNewColumnsAndTheSection(@TempDir Path dir)
      throws Exception {
    List<BenchTask> cases = List.of(TaskCatalog.tiny(null, 42).task("twin"));
    List<Approach> as = new ArrayList<>();
    as.add(new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer()));
    as.addAll(EmpiricalBaseline.all());
    BenchRunner.Run r = new BenchRunner(dir, false, ProgressListener.NONE).run(cases, as);
    assertThat(r.cells()).extracting(CellResult::status).containsOnly(CellResult.OK);
    ResultsCsv.write(dir.resolve("results.csv"), r.cells());
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertThat(lines.get(0)).contains(",reason,mae,sd_diff,one_minus_r,p5_error,p95_error");
    int mae = ResultsCsv.HEADER.indexOf("mae");
    for (String name : EmpiricalBaseline.names()) {
      List<String> rows = lines.stream().filter(l -> l.contains("," + name + ",")
          && l.contains(",ok,")).toList();
      // the twin's observed targets: SoilTemp_0.05, SoilTemp_0.2, Qg, LWup, Qh, Qle
      assertThat(rows).as(name).hasSize(6);
      for (String l : rows) {
        String[] f = l.split(",", -1);
        for (int i = mae; i < mae + 5; i++) {
          assertThat(f[i]).as(name + " " + l).isNotEmpty();
        }
        // no predictive distribution: the uncertainty columns are empty
        assertThat(f[ResultsCsv.HEADER.indexOf("crps")]).as(name + " " + l).isEmpty();
      }
    }
    CellResult km = r.cells().stream().filter(c -> c.approach().equals("baseline.3km27"))
        .findFirst().orElseThrow();
    TargetScore qh = km.scores().stream().filter(s -> s.target().equals("Qh")).findFirst()
        .orElseThrow();
    assertThat(qh.mae()).isLessThanOrEqualTo(qh.rmse());
    assertThat(qh.correlationError()).isBetween(0.0, 2.0);
    BenchReport.write(dir, List.of(new BenchRunner.Replicate(1, cases)), r.cells(), Map.of(),
        "tiny", 42, 1.0);
    String md = Files.readString(dir.resolve("report.md"));
    assertThat(md).contains("## Against the empirical benchmarks (PLUMBER)")
        .contains("uses LWdown in its place").contains("| baseline.physics-only | ")
        .contains("*baseline.3km27*");
    // measured values quoted in docs/BENCHMARKS.md (deterministic: seed 42)
    assertThat(mae(r.cells(), "baseline.1lin", "Qh")).isCloseTo(18.7834, within(1e-3));
    assertThat(mae(r.cells(), "baseline.2lin", "Qh")).isCloseTo(25.2175, within(1e-3));
    assertThat(mae(r.cells(), "baseline.3km27", "Qh")).isCloseTo(24.7691, within(1e-3));
    assertThat(md).contains("| baseline.physics-only | **6/6 5/6 5/6** | **6/6 6/6 5/6** | – |"
        + " – | **5/6 5/6 6/6** | **5/6 5/6 5/6** | – | – | 4 of 4 |");
    // the same run twice gives the same benchmark scores (seeded k-means)
    CellResult again = BenchRunner.runCell(cases.get(0), EmpiricalBaseline.all().get(2));
    assertThat(again.scores()).isEqualTo(km.scores());
  }

  static double mae(List<CellResult> cells, String approach, String target) {
    return cells.stream().filter(c -> c.approach().equals(approach)).flatMap(c -> c.scores()
        .stream()).filter(s -> s.target().equals(target)).findFirst().orElseThrow().mae();
  }

  @Test
  void onlyBenchmarksGiveRanksButNoComparisonTables() {
    BenchTask twin = TaskCatalog.tiny(null, 42).task("twin");
    List<ReportDocument.Block> b = EmpiricalBenchmarkTable.blocks(List.of(twin), List.of(
        cell("baseline.1lin", "Qg", 5, 5), cell("baseline.2lin", "Qg", 3, 3)));
    assertThat(b).anyMatch(o -> o instanceof ReportDocument.Para p
        && p.text().startsWith("Only the empirical benchmarks ran"));
    List<ReportDocument.Table> tables = b.stream().filter(o -> o instanceof ReportDocument.Table)
        .map(o -> (ReportDocument.Table) o).toList();
    assertThat(tables).hasSize(1);
    assertThat(tables.get(0).rows().get(0).subList(0, 2)).containsExactly("*baseline.2lin*",
        "0.000");
  }

  @Test
  void noBenchmarkNoComparison() {
    BenchTask twin = TaskCatalog.tiny(null, 42).task("twin");
    List<ReportDocument.Block> b = EmpiricalBenchmarkTable.blocks(List.of(twin),
        List.of(cell("x", "Qg", 1, 0)));
    assertThat(b).hasSize(2);
    assertThat(((ReportDocument.Para) b.get(1)).text()).startsWith("No empirical benchmark");
  }
}
