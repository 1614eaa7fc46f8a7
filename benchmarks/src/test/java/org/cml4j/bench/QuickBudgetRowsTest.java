package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.cml4j.cli.Plugins;
import org.cml4j.core.spi.Approach;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * The twin-n3 column of docs/BENCHMARKS.md "Quick-suite cost", second round: the mean normalised
 * test RMSE each cut coupling reaches with its new QUICK counts (replicate 1, seed 42). The cells
 * are deterministic for a seed (any thread count), so the tolerance is the table's rounding (5
 * decimals); a changed budget or a regression in one of these couplings moves the number.
 */
class QuickBudgetRowsTest {
  /** coupling -> documented normalised RMSE on quick twin-n3, replicate 1. */
  static final Map<String, Double> TWIN_N3 = Map.of(
      "embed.surrogate-inversion", 0.51059,
      "fusion.physics-inputs", 0.30569,
      "fusion.energy-conserving", 0.29234,
      "fusion.physics-loss", 0.41660,
      "fusion.hybrid-pgdl", 0.28125);

  @Test
  void cutCouplingsReachTheDocumentedErrorOnQuickTwinN3() {
    BenchTask bc = TaskCatalog.of(TaskCatalog.Suite.QUICK, null, 42, 1).task("twin-n3");
    List<Approach> approaches = BenchSuites.filterApproaches(
        BenchSuites.approaches(Plugins.get().registry()), List.copyOf(TWIN_N3.keySet()));
    assertThat(approaches).hasSize(TWIN_N3.size());
    for (Approach a : approaches) {
      CellResult c = BenchRunner.runCell(bc, a);
      assertThat(c.status()).as(a.name()).isEqualTo("ok");
      assertThat(c.meanNormalisedRmse(CellScorer.truthStd(bc))).as(a.name())
          .isCloseTo(TWIN_N3.get(a.name()), within(5e-6));
    }
  }
}
