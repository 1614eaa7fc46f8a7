package org.cml4j.examples.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.examples.fuse.ExampleSupport.Score;
import org.cml4j.examples.fuse.HybridExample.Result;
import org.junit.jupiter.api.Test;

/** Mode 10: hybrids of several modes against each of their parts on the same split. */
class HybridExampleTest {
  // docs/modes/fusion.md mode 10 and README row 10; twin, seed 42
  /** PGDL hybrid / network alone, mean RMSE ratio (measured 0.322). */
  static final Claim PGDL_NET = new Claim("mode 10 PGDL/network alone", 0.322, 0.03);
  /** PGDL hybrid / calibrated physics (measured 1.061: behind the physics). */
  static final Claim PGDL_PHYSICS = new Claim("mode 10 PGDL/physics", 1.061, 0.03);
  /** PGDL hybrid / physics-input network alone (measured 1.202: behind it). */
  static final Claim PGDL_INPUTS = new Claim("mode 10 PGDL/physics inputs", 1.202, 0.03);
  /** PGDL hybrid / pretraining alone (measured 0.396). */
  static final Claim PGDL_PRETRAIN = new Claim("mode 10 PGDL/pretraining", 0.396, 0.03);
  /** PGDL hybrid / physics loss alone (measured 0.479). */
  static final Claim PGDL_LOSS = new Claim("mode 10 PGDL/physics loss", 0.479, 0.03);
  // DA: measured with the one ColumnEnsembleFilter (before it, with fuse's own filter: 0.872,
  // 0.896, 0.976)
  /** DA hybrid / calibrated physics (measured 0.853). */
  static final Claim DA_PHYSICS = new Claim("mode 10 DA/physics", 0.853, 0.02);
  /** DA hybrid / EnKF alone (measured 0.901). */
  static final Claim DA_ENKF = new Claim("mode 10 DA/EnKF alone", 0.901, 0.02);
  /** DA hybrid / corrected model alone (measured 0.956). */
  static final Claim DA_CORRECTED = new Claim("mode 10 DA/corrected model alone", 0.956, 0.02);

  @Test
  void hybridsAgainstTheirParts() {
    Result r = HybridExample.run(InputConstraintExample.twin(42));
    System.out.println(ExampleSupport.table(r.pgdl()));
    System.out.println(ExampleSupport.table(r.assimilation()));
    List<Score> p = r.pgdl();
    Score physics = p.get(0);
    Score net = p.get(1);
    Score inputs = p.get(2);
    Score pretrain = p.get(3);
    Score loss = p.get(4);
    Score hybrid = p.get(5);
    for (int i = 0; i < p.size() - 1; i++) {
      System.out.printf("PGDL hybrid / %s: %.3f%n", p.get(i).approach(),
          ExampleSupport.meanRatio(hybrid, p.get(i)));
    }
    // the hybrid predicts every target, including the never-observed depths
    assertThat(hybrid.rmse()).containsKeys("SoilTemp_0.05", "SoilTemp_0.2", "SoilTemp_0.1",
        "SoilTemp_0.5", "Qg", "LWup", "Qh", "Qle");
    PGDL_NET.check(ExampleSupport.meanRatio(hybrid, net));
    PGDL_PRETRAIN.check(ExampleSupport.meanRatio(hybrid, pretrain));
    PGDL_LOSS.check(ExampleSupport.meanRatio(hybrid, loss));
    // the most energy-consistent of the networks
    for (Score s : List.of(net, inputs, pretrain, loss)) {
      assertThat(hybrid.energyInconsistent()).as(s.approach())
          .isLessThan(s.energyInconsistent());
    }
    // honest: behind the physics-input network alone on this 3-day twin, and behind the
    // calibrated physics on the targets both predict (the hybrid also predicts Qh and Qle)
    PGDL_INPUTS.check(ExampleSupport.meanRatio(hybrid, inputs));
    PGDL_PHYSICS.check(ExampleSupport.meanRatio(hybrid, physics));

    List<Score> a = r.assimilation();
    Score da = a.get(3);
    for (int i = 0; i < a.size() - 1; i++) {
      System.out.printf("DA hybrid / %s: %.3f%n", a.get(i).approach(),
          ExampleSupport.meanRatio(da, a.get(i)));
    }
    DA_PHYSICS.check(ExampleSupport.meanRatio(da, a.get(0)));
    DA_ENKF.check(ExampleSupport.meanRatio(da, a.get(1)));
    DA_CORRECTED.check(ExampleSupport.meanRatio(da, a.get(2)));
    assertThat(da.solution().diagnostics().scalars().get("model-error.boundViolation")).isZero();
    assertThat(da.solution().diagnostics().scalars().get("timeCapHit")).isZero();
    assertThat(hybrid.solution().diagnostics().scalars().get("timeCapHit")).isZero();
  }
}
