package org.cml4j.lsm.rich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.junit.jupiter.api.Test;

class RichColumnModelTest {
  @Test
  void uniformSoilOneSubstepHeldForcingIsTheSimpleModel() {
    SurfaceForcing f = Huang2025.forcing(101);
    Trajectory simple = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(Huang2025.truth(), f);
    RichColumnModel rich = new RichColumnModel(101, 1.0, 3600, 1,
        SoilProperties.uniform(0.8, 2.2e6), false);
    RichTrajectory r = rich.run(SurfaceSpec.constant(0.2, 0.95, 293, 25), f, null,
        rich.uniformState(293));
    double maxDiff = 0;
    for (String v : new String[] {"SurfTemp", "SoilTemp_0.05", "SoilTemp_0.33", "Qg", "LWup"}) {
      double[] a = simple.output(Output.parse(v));
      double[] b = r.output(v);
      for (int k = 0; k < a.length; k++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[k] - b[k]));
      }
    }
    assertThat(maxDiff).isLessThan(1e-8);
  }

  @Test
  void fineGridConvergesToTheSimpleModelAsTheStepShrinks() {
    SurfaceForcing f = Huang2025.forcing(49);
    SoilProperties soil = SoilProperties.uniform(0.8, 2.2e6);
    SurfaceSpec s = SurfaceSpec.constant(0.2, 0.95, 293, 25);
    RichColumnModel ref = new RichColumnModel(801, 1.0, 3600, 240, soil, false);
    double[] tsRef = ref.run(s, f, null, ref.uniformState(293)).output("SurfTemp");
    double prev = Double.POSITIVE_INFINITY;
    for (int m : new int[] {1, 4, 16}) {
      RichColumnModel c = new RichColumnModel(201, 1.0, 3600, m, soil, false);
      double[] ts = c.run(s, f, null, c.uniformState(293)).output("SurfTemp");
      double err = 0;
      for (int k = 0; k < ts.length; k++) {
        err = Math.max(err, Math.abs(ts[k] - tsRef[k]));
      }
      assertThat(err).isLessThan(prev);
      prev = err;
    }
    assertThat(prev).isLessThan(0.3);
  }

  @Test
  void layeredMoistSoilConductsBetterWhenWet() {
    LayeredSoil soil = LayeredSoil.threeLayer();
    assertThat(soil.conductivity(0.05, 0.35)).isGreaterThan(1.5 * soil.conductivity(0.05, 0.08));
    assertThat(soil.heatCapacity(0.5, 0.3)).isGreaterThan(soil.heatCapacity(0.5, 0.1));
    assertThat(soil.layerAt(0.2).lambdaSat()).isEqualTo(1.5);
  }

  @Test
  void badInputsAreRejectedWithTheirValues() {
    assertThatThrownBy(() -> new RichColumnModel(2, 1, 3600, 1, SoilProperties.uniform(1, 2e6),
        true)).hasMessageContaining("nodes >= 3");
    assertThatThrownBy(() -> new SurfaceSpec(0.2, 0.95, 293, new double[] {10, -1}))
        .hasMessageContaining("level 1").hasMessageContaining("-1");
    RichColumnModel m = new RichColumnModel(11, 1, 3600, 1, LayeredSoil.threeLayer(), true);
    assertThatThrownBy(() -> m.run(SurfaceSpec.constant(0.2, 0.95, 293, 20),
        Huang2025.forcing(5), null, m.uniformState(293)))
        .hasMessageContaining("moisture field");
  }
}
