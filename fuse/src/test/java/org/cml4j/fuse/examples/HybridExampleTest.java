package org.cml4j.fuse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.fuse.examples.ExampleSupport.Score;
import org.cml4j.fuse.examples.HybridExample.Result;
import org.junit.jupiter.api.Test;

/** Mode 10: hybrids of several modes against each of their parts on the same split. */
class HybridExampleTest {
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
    // far better than the network alone and than pretraining or the physics loss alone
    assertThat(ExampleSupport.meanRatio(hybrid, net)).isLessThan(0.5);
    assertThat(ExampleSupport.meanRatio(hybrid, pretrain)).isLessThan(0.7);
    assertThat(ExampleSupport.meanRatio(hybrid, loss)).isLessThan(0.7);
    // the most energy-consistent of the networks
    for (Score s : List.of(net, inputs, pretrain, loss)) {
      assertThat(hybrid.energyInconsistent()).as(s.approach())
          .isLessThan(s.energyInconsistent());
    }
    // honest: physics inputs alone are as accurate on this 3-day twin (see docs/modes/fusion.md)
    assertThat(ExampleSupport.meanRatio(hybrid, inputs)).isBetween(0.8, 1.4);
    // and not ahead of the calibrated physics on average over the targets both predict (the
    // hybrid also predicts Qh and Qle, which the physics cannot)
    assertThat(ExampleSupport.meanRatio(hybrid, physics)).isBetween(1.0, 1.3);

    List<Score> a = r.assimilation();
    Score da = a.get(3);
    for (int i = 0; i < a.size() - 1; i++) {
      System.out.printf("DA hybrid / %s: %.3f%n", a.get(i).approach(),
          ExampleSupport.meanRatio(da, a.get(i)));
    }
    assertThat(ExampleSupport.meanRatio(da, a.get(0))).as("vs physics only").isLessThan(0.99);
    assertThat(ExampleSupport.meanRatio(da, a.get(1))).as("vs EnKF alone").isLessThan(1.0);
    assertThat(ExampleSupport.meanRatio(da, a.get(2))).as("vs corrected model alone")
        .isLessThan(1.05);
    assertThat(da.solution().diagnostics().scalars().get("model-error.boundViolation")).isZero();
  }
}
