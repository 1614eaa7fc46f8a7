package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncertaintyFindingsTest {
  static final double[] FLAT = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};

  /** An ok cell of task {@code task}, one target, with a predictive distribution. */
  static CellResult cell(String task, String approach, String paradigm, double cov90,
      double width90) {
    TargetScore s = new TargetScore("Qg", 48, 1, 0, 0.5, 1.0, 0.1, 0.1, 0.1, 0.1, 0.7, 0.5,
        cov90, width90, FLAT, new double[] {0}, new double[] {1});
    return new CellResult(task, "f", approach, "c", paradigm, CellResult.OK, "", 3, List.of(s),
        List.of(), Double.NaN, Double.NaN, 0, 0, Map.of(), Map.of(), 1, "", "", false, "",
        Map.of());
  }

  @Test
  void bestCalibratedAndSharpestAreNamedWithTheirPairedTest() {
    List<CellResult> cells = new ArrayList<>();
    Map<String, Map<String, Double>> std = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      String task = "t" + i;
      std.put(task + "#1", Map.of("Qg", 10.0));
      cells.add(cell(task, "cascade.a", "cascade", 0.89 + 0.001 * i, 30));
      cells.add(cell(task, "fusion.b", "fusion", 0.60 + 0.01 * i, 10));
      cells.add(cell(task, "embed.c", "embedding", 0.93 - 0.001 * i, 50));
      // a point-only cell is ignored
      cells.add(EmpiricalBenchmarkTableTest.cell("baseline.x", "Qg", 1, 0));
    }
    UncertaintyFindings u = new UncertaintyFindings(cells, std);
    assertThat(u.byCoupling).containsOnlyKeys("cascade.a", "fusion.b", "embed.c");
    assertThat(u.bestCalibrated).containsEntry("cascade", "cascade.a");
    String s = u.sentence();
    assertThat(s).contains("Best calibrated: cascade (better than embedding, p = ");
    // fusion is sharpest but misses 0.90 by more than 0.05: cascade is sharpest among the rest
    assertThat(s).contains("Sharpest with mean coverage90 within ±0.050: cascade (narrower than"
        + " embedding");
    assertThat(u.table()).hasSize(3);
    assertThat(u.table().get(0)).containsExactly("cascade.a", "cascade", "Qg", "12", "0.700",
        "0.500", "0.896", "30.000");
  }

  @Test
  void noDistributionSaysSo() {
    UncertaintyFindings u = new UncertaintyFindings(List.of(EmpiricalBenchmarkTableTest.cell(
        "x", "Qg", 1, 0)), Map.of());
    assertThat(u.sentence()).contains("no coupling in this run gave a predictive distribution");
  }

  @Test
  void resultsCsvEndsWithTheUncertaintyColumnsAndPitCsvHasTheHistogram(@TempDir Path dir)
      throws Exception {
    assertThat(ResultsCsv.HEADER.subList(ResultsCsv.HEADER.size() - 4, ResultsCsv.HEADER.size()))
        .containsExactly("crps", "coverage50", "coverage90", "width90");
    List<CellResult> cells = List.of(cell("t", "cascade.a", "cascade", 0.9, 3),
        EmpiricalBenchmarkTableTest.cell("baseline.x", "Qg", 1, 0));
    ResultsCsv.write(dir.resolve("results.csv"), cells);
    ResultsCsv.writePit(dir.resolve("pit.csv"), cells);
    List<String> rows = Files.readAllLines(dir.resolve("results.csv"));
    assertThat(rows.get(1)).endsWith(",0.700000,0.500000,0.900000,3.00000");
    assertThat(rows.get(2)).endsWith(",,,,");
    List<String> pit = Files.readAllLines(dir.resolve("pit.csv"));
    assertThat(pit).hasSize(2);
    assertThat(pit.get(1)).startsWith("t,cascade.a,cascade,1,Qg,48,0.100000,");
  }
}
