package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.cascade.postprocessing.ErrorCorrectionCoupling;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.uncertainty.ConformalApproach;
import org.cml4j.core.uncertainty.Predictives;
import org.cml4j.embed.adjustment.EnkfCoupling;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * One coupling per paradigm declares and returns a predictive distribution on the tiny twin: for
 * every predicted target (observed in training: + held-out noise; never observed: + structural
 * error transferred from the observed depth), over the whole time axis, with the documented
 * number of members, finite, and with the point prediction inside its 90 % interval most of the
 * time, and with finite crps/coverage/width cells in the bench; the physics also returns Laplace
 * posterior draws.
 */
class CouplingUncertaintyTest {
  @Test
  void everyParadigmHasACouplingWithAPredictiveDistribution() {
    BenchTask bc = TaskCatalog.tiny(null, 42).task("twin");
    CouplingDefaults d = CouplingDefaults.standard();
    int k = Predictives.ensembleSize(bc.task().budget());
    List<Object[]> cases = List.of(
        new Object[] {new PhysicsOnlyBaseline(d.optimizer()), Predictives.GAUSSIAN_MEMBERS},
        new Object[] {new ErrorCorrectionCoupling(d), k * Predictives.NOISE_PER_MEMBER},
        new Object[] {new EnkfCoupling(d), Predictives.GAUSSIAN_MEMBERS},
        new Object[] {new PhysicsInputCoupling(d, true), k * Predictives.NOISE_PER_MEMBER});
    for (Object[] c : cases) {
      Approach a = (Approach) c[0];
      assertThat(a.capabilities().predictsDistribution()).as(a.name()).isTrue();
      CouplingSolution s = a.solve(bc.task());
      List<String> predicted = bc.task().targets().stream().filter(s.predictions()::has)
          .toList();
      List<String> unobserved = predicted.stream().filter(t -> !bc.task().observations().has(t)
          || bc.task().observations().countValid(t, 0, bc.task().split().trainEnd()) == 0)
          .toList();
      // the twin's SoilTemp_0.1 and SoilTemp_0.5 are never observed
      assertThat(unobserved).as(a.name()).containsExactly("SoilTemp_0.1", "SoilTemp_0.5");
      assertThat(s.predictive().keySet()).as(a.name()).containsExactlyInAnyOrderElementsOf(
          predicted);
      for (var e : s.predictive().entrySet()) {
        PredictiveDistribution p = e.getValue();
        boolean structural = unobserved.contains(e.getKey());
        assertThat(p.method().contains("+structural(SoilTemp_0.05)")).as(a.name() + " "
            + e.getKey() + " " + p.method()).isEqualTo(structural);
        // a target whose learned correction was rejected keeps the physics: Gaussian + noise;
        // a target never observed gets the physics' (filter's) Gaussian + structural error
        int members = p.method().startsWith("physics") || structural
            ? Predictives.GAUSSIAN_MEMBERS : (int) c[1];
        assertThat(p.size()).as(a.name() + " " + e.getKey() + " " + p.method())
            .isEqualTo(members);
        assertThat(p.length()).isEqualTo(bc.task().split().size());
        double[] point = s.predictions().values(e.getKey());
        int inside = 0;
        for (int t = 0; t < p.length(); t++) {
          assertThat(java.util.Arrays.stream(p.sortedAt(t)).allMatch(Double::isFinite))
              .as(a.name() + " " + e.getKey() + " step " + t).isTrue();
          inside += point[t] >= p.quantile(t, 0.05) && point[t] <= p.quantile(t, 0.95) ? 1 : 0;
        }
        assertThat(inside).as(a.name() + " " + e.getKey()).isGreaterThan(p.length() * 9 / 10);
      }
      // the bench fills the probabilistic cells of every predicted target, all finite
      for (TargetScore ts : CellScorer.score(bc, a, s, 1, "").scores()) {
        assertThat(java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(
            ts.crps(), ts.coverage50(), ts.coverage90(), ts.width90()),
            java.util.Arrays.stream(ts.pit())).allMatch(Double::isFinite))
            .as(a.name() + " " + ts.target()).isTrue();
      }
    }
    PhysicsOnlyBaseline phys = new PhysicsOnlyBaseline(d.optimizer());
    CouplingSolution s = phys.solve(bc.task());
    assertThat(s.posterior()).isNotNull();
    assertThat(s.posterior().names()).containsExactlyInAnyOrderElementsOf(
        s.parameters().keySet());
    assertThat(s.posterior().draws()).hasNumberOfRows(200);
    // the draws scatter around the fitted values
    for (String n : s.posterior().names()) {
      double m = java.util.Arrays.stream(s.posterior().of(n)).average().orElseThrow();
      double sd = Math.sqrt(java.util.Arrays.stream(s.posterior().of(n))
          .map(x -> (x - m) * (x - m)).sum() / 199);
      assertThat(Math.abs(m - s.parameters().get(n))).as(n).isLessThan(4 * sd / Math.sqrt(200));
    }
    ConformalApproach conf = new ConformalApproach(phys);
    CouplingSolution cs = conf.solve(bc.task());
    assertThat(conf.name()).isEqualTo("baseline.physics-only+conformal");
    assertThat(cs.predictions().fingerprint()).isEqualTo(s.predictions().fingerprint());
    assertThat(cs.predictive().keySet()).containsExactlyInAnyOrderElementsOf(
        s.predictive().keySet());
    assertThat(cs.predictive().values()).allMatch(p -> p.method().startsWith("split-conformal"));
    // an unobserved depth gets the conformal residual quantiles of the observed depth with the
    // largest residual scale, unscaled (same unit)
    PredictiveDistribution deep = cs.predictive().get("SoilTemp_0.5");
    PredictiveDistribution donor = cs.predictive().get("SoilTemp_0.05");
    assertThat(deep.method()).isEqualTo("split-conformal+structural(SoilTemp_0.05)");
    int t = bc.task().split().size() - 1;
    assertThat(deep.quantile(t, 0.95) - deep.quantile(t, 0.05)).isCloseTo(
        donor.quantile(t, 0.95) - donor.quantile(t, 0.05), org.assertj.core.data.Offset.offset(
            1e-9));
  }
}
