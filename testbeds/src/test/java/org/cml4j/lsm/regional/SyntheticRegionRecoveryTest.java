package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.junit.jupiter.api.Test;

/**
 * Guards the recovery of the README's 10^4-column synthetic map ({@code ./cml4j map --synthetic
 * 10000}: region seed 42, 2 LM starts) on every 40th of its columns (250, spread over the whole
 * grid), fitted as the command fits them. The map itself measured median errors alpha 0.56 %,
 * lambda 0.85 %, C 0.56 %, hbeta 0.27 %, Tb 0.064 K (README); the subsample's medians
 * (deterministic) are asserted within 5 % of their measured values, so a change of the region's
 * forcing or of the fitter that moves them fails here.
 */
class SyntheticRegionRecoveryTest {
  /**
   * Median error of the 250 columns, relative for alpha..hbeta, K for Tb (measured: 0.58 %,
   * 0.75 %, 0.52 %, 0.25 %, 0.059 K).
   */
  static final Map<String, Double> MEDIAN = Map.of("alpha", 0.005825, "lambda", 0.007475, "C",
      0.005186, "hbeta", 0.002519, "Tb", 0.05901);
  /** Columns flagging alpha identifiable (measured 250 of 250, as every other parameter). */
  static final int ALPHA_IDENTIFIABLE = 250;

  @Test
  void subsampleOfTheReadmeMapRecoversTheTruthAsMeasured() {
    SyntheticRegion region = SyntheticRegion.of(10000, 42);
    List<ColumnInput> columns = new ArrayList<>();
    for (int i = 0; i < region.columns(); i += 40) {
      columns.add(new ColumnInput.Gridded(region.column(i, "synthetic")));
    }
    BatchedColumnFitter fitter = new BatchedColumnFitter(new ColumnFitter(MapSettings.defaults()));
    List<ColumnFit> fits = new ArrayList<>();
    for (int from = 0; from < columns.size(); from += 64) {
      fits.addAll(fitter.fit(columns.subList(from, Math.min(columns.size(), from + 64))));
    }
    List<SyntheticRegion.Recovery> rec = region.recovery(fits);
    assertThat(rec).hasSize(5);
    rec.forEach(r -> System.out.printf("%s median %.6g max %.6g identifiable %d of %d%n",
        r.name(), r.medianError(), r.maxError(), r.identifiable(), r.fitted()));
    for (SyntheticRegion.Recovery r : rec) {
      assertThat(r.fitted()).isEqualTo(250);
      assertThat(r.identifiable()).as(r.name())
          .isEqualTo(r.name().equals("alpha") ? ALPHA_IDENTIFIABLE : 250);
      assertThat(r.medianError()).as(r.name()).isCloseTo(MEDIAN.get(r.name()),
          Percentage.withPercentage(5));
    }
  }
}
