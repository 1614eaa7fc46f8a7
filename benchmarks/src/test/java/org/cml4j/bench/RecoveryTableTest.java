package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.PublishedSpread;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

class RecoveryTableTest {
  private static CellResult cell(String name, String status, Map<String, Double> params,
      double err) {
    return new CellResult("rec", TaskCatalog.FAMILY_PARAMETER_RECOVERY, name, "x", "cascade",
        status, "", 4, List.of(), List.of(), Double.NaN, err, 1, 0, Map.of(), params, 1, "", "",
        false, "", Map.of());
  }

  @Test
  void fittedParametersAreCountedAgainstThePublishedRangeAndSortedByError() {
    BenchTask twin = TaskCatalog.tiny(null, 42).task("twin");
    BenchTask bc = new BenchTask("rec", TaskCatalog.FAMILY_PARAMETER_RECOVERY,
        twin.task().toBuilder().name("rec").build(),
        twin.truth(), Map.of("lambda", 0.8, "C", 2.2e6), "a recovery task");
    double[] lam = new double[21];
    double[] c = new double[21];
    for (int i = 0; i < 21; i++) {
      lam[i] = 0.70 + 0.01 * i; // 0.70 .. 0.90: 5-95 % range [0.71, 0.89]
      c[i] = 2.0e6 + 2e4 * i;   // 2.0e6 .. 2.4e6: [2.02e6, 2.38e6]
    }
    PublishedSpread spread = new PublishedSpread("test", Map.of("lambda", lam, "C", c));
    List<List<String>> rows = RecoveryTable.rows(bc, spread, List.of(
        cell("far", CellResult.OK, Map.of("lambda", 1.2, "C", 2.2e6), 0.5),
        cell("near", CellResult.OK, Map.of("lambda", 0.81, "C", 2.21e6), 0.0125),
        cell("failed", CellResult.FAILED, Map.of(), Double.NaN),
        cell("no-params", CellResult.OK, Map.of(), Double.NaN)));
    assertThat(rows).hasSize(4); // truth, published, near, far
    assertThat(rows.get(0).get(0)).isEqualTo("truth");
    assertThat(rows.get(1).get(0)).contains("published").contains("21 starts");
    int within = RecoveryTable.header(spread).indexOf("within the published 5–95 % range");
    assertThat(rows.get(2).get(0)).isEqualTo("near");
    assertThat(rows.get(2).get(within)).isEqualTo("2 of 2");
    assertThat(rows.get(3).get(0)).isEqualTo("far");
    assertThat(rows.get(3).get(within)).isEqualTo("1 of 2");
    assertThat(RecoveryTable.rows(bc, spread, List.of(cell("no-params", CellResult.OK,
        Map.of(), Double.NaN)))).isEmpty();
  }
}
