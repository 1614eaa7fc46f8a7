package org.cml4j.fuse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cml4j.fuse.examples.ObjectiveConstraintExample.Result;
import org.junit.jupiter.api.Test;

/** Mode 8: physics terms in the loss with scarce training data. */
class ObjectiveConstraintExampleTest {
  @Test
  void physicsTermsReduceTestErrorAndInconsistencyWithThreeDaysOfData() {
    Result r = ObjectiveConstraintExample.run(ObjectiveConstraintExample.scarceTwin(42));
    System.out.println(ExampleSupport.table(List.of(r.physicsOnly(), r.dataOnly(),
        r.physicsLoss())));
    // every target the data-only network predicts gets better, and the mean error drops
    for (String t : r.dataOnly().rmse().keySet()) {
      assertThat(r.physicsLoss().rmse(t)).as(t).isLessThan(r.dataOnly().rmse(t));
    }
    assertThat(ExampleSupport.meanRatio(r.physicsLoss(), r.dataOnly())).isLessThan(0.9);
    // the heat equation lets the network predict the unobserved 10 cm between 5 and 20 cm
    assertThat(r.physicsLoss().rmse()).containsKey("SoilTemp_0.1");
    assertThat(r.dataOnly().rmse()).doesNotContainKey("SoilTemp_0.1");
    // fewer test hours violate the surface energy balance by more than 10 W m-2
    assertThat(r.physicsLoss().energyInconsistent())
        .isLessThan(r.dataOnly().energyInconsistent() - 0.2);
    // every term is reported over the epochs, and training lowered the energy-balance term
    Map<String, double[]> curves = r.termCurves();
    assertThat(curves).containsKeys("heat-equation", "energy-balance", "monotonic-SWdown");
    double[] eb = curves.get("energy-balance");
    assertThat(eb.length).isGreaterThan(100);
    assertThat(eb[eb.length - 1]).isLessThan(eb[0] / 10);
    assertThat(r.physicsLoss().solution().diagnostics().scalars())
        .containsKeys("heat-equation.kappa", "energy-balance.alpha");
    // honest comparison with the calibrated physics: with 62 training hours the network does
    // not reach the mechanism on soil temperature (reported, see docs/modes/fusion.md)
    assertThat(r.physicsLoss().rmse("SoilTemp_0.05"))
        .isGreaterThan(r.physicsOnly().rmse("SoilTemp_0.05"));
  }
}
