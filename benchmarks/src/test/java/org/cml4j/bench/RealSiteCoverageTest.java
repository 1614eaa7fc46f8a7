package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.cascade.postprocessing.ErrorCorrectionCoupling;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.uncertainty.SplitConformal;
import org.cml4j.embed.adjustment.EnkfCoupling;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * EXPENSIVE (the four couplings with uncertainty on the two real sites at the QUICK budget, ~3
 * min on one idle core): the 90 % coverage on the Bondville and Phoenix test periods that
 * docs/UNCERTAINTY.md reports, pooled over the targets with a predictive distribution, for each
 * coupling's own distribution and for the split-conformal wrapper around its point prediction.
 * Seed 42 as in {@code ./cml4j bench --suite quick --replicates 1}. The tolerance is the measured
 * seed noise: with seed 7 instead of 42 the pooled own coverages moved by 0.000 (physics), at most
 * 0.004 (EnKF: 40 members), 0.068 and 0.010 (cascade deep ensemble, Bondville and Phoenix) and
 * 0.024 and 0.110 (fusion deep ensemble): {@link #TOL_FIXED} for the physics and the EnKF,
 * {@link #TOL_LEARNED} for the deep ensembles (the data do not change with the seed).
 */
@Tag("expensive")
class RealSiteCoverageTest {
  static final double TOL_FIXED = 0.02;
  static final double TOL_LEARNED = 0.12;

  /**
   * site, coupling, own pooled coverage90, conformal pooled coverage90, tolerance (measured,
   * seed 42).
   */
  static final Object[][] EXPECTED = {
      {"bondville-1998", PhysicsOnlyBaseline.NAME, 0.661, 0.466, TOL_FIXED},
      {"bondville-1998", ErrorCorrectionCoupling.NAME, 0.570, 0.570, TOL_LEARNED},
      {"bondville-1998", EnkfCoupling.NAME, 0.659, 0.375, TOL_FIXED},
      {"bondville-1998", PhysicsInputCoupling.NAME, 0.605, 0.515, TOL_LEARNED},
      {"phoenix-2012", PhysicsOnlyBaseline.NAME, 0.870, 0.880, TOL_FIXED},
      {"phoenix-2012", ErrorCorrectionCoupling.NAME, 0.730, 0.660, TOL_LEARNED},
      {"phoenix-2012", EnkfCoupling.NAME, 0.710, 0.880, TOL_FIXED},
      {"phoenix-2012", PhysicsInputCoupling.NAME, 0.795, 0.880, TOL_LEARNED}};

  @Test
  void ninetyPercentCoverageOnTheRealSitesIsAsDocumented() {
    SharedData.file("bondville-us-bo1-1998/forcing98_with_validation.dat");
    SharedData.file("phoenix-us-westphoenix-2012/US-WestPhoenix_clean_observations_v1.nc");
    CouplingDefaults d = CouplingDefaults.standard();
    List<BenchTask> sites = List.of(RealSiteTasks.bondville(SharedData.dir(), 42, Budget.quick()),
        RealSiteTasks.phoenix(SharedData.dir(), 42, Budget.quick()).getKey());
    List<Approach> approaches = List.of(new PhysicsOnlyBaseline(d.optimizer()),
        new ErrorCorrectionCoupling(d), new EnkfCoupling(d), new PhysicsInputCoupling(d, true));
    List<String> report = new ArrayList<>();
    List<double[]> got = new ArrayList<>();
    for (BenchTask bc : sites) {
      for (Approach a : approaches) {
        CouplingSolution s = a.solve(bc.task());
        double own = pooled(CellScorer.score(bc, a, s, 1, ""));
        double conf = pooled(CellScorer.score(bc, a, SplitConformal.wrap(bc.task(), s), 1, ""));
        got.add(new double[] {own, conf});
        report.add(String.format(Locale.ROOT, "%s %s own %.3f conformal %.3f", bc.id(),
            a.name(), own, conf));
      }
    }
    System.out.println(String.join("\n", report));
    for (int i = 0; i < EXPECTED.length; i++) {
      assertThat(report.get(i)).startsWith(EXPECTED[i][0] + " " + EXPECTED[i][1] + " ");
      double tol = (double) EXPECTED[i][4];
      assertThat(got.get(i)[0]).as(report.get(i)).isCloseTo((double) EXPECTED[i][2],
          within(tol));
      assertThat(got.get(i)[1]).as(report.get(i)).isCloseTo((double) EXPECTED[i][3],
          within(tol));
    }
  }

  /** Mean coverage90 over the targets with a predictive distribution. */
  static double pooled(CellResult c) {
    return c.scores().stream().filter(TargetScore::hasDistribution)
        .mapToDouble(TargetScore::coverage90).average().orElse(Double.NaN);
  }
}
