package org.cml4j.lsm.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class ReproduceTargetsTest {

  private static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  @Test
  void jacobiSchemeReproducesThePublishedTargetsWithin1e4K() {
    Path dir = SharedData.dir().resolve("huang2025-synthetic");
    double[] ts = SharedData.column(dir.resolve("target_T_surface.txt"));
    double[] t5 = SharedData.column(dir.resolve("target_T_5cm.txt"));
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.JACOBI)
        .simulate(Huang2025.truth(), Huang2025.forcing(Huang2025.LEVELS));
    double ds = maxAbsDiff(tr.output(Output.SURFACE_TEMPERATURE), ts);
    double d5 = maxAbsDiff(tr.output(Output.soilTemperature(0.05)), t5);
    System.out.printf("Jacobi vs targets: surface %.3g K, 5 cm %.3g K%n", ds, d5);
    assertThat(ds).isLessThan(1e-4);
    assertThat(d5).isLessThan(1e-4);
  }

  @Test
  void exactSolverIsWithinTheDocumentedDistanceOfTheTargets() {
    Path dir = SharedData.dir().resolve("huang2025-synthetic");
    double[] ts = SharedData.column(dir.resolve("target_T_surface.txt"));
    double[] t5 = SharedData.column(dir.resolve("target_T_5cm.txt"));
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT)
        .simulate(Huang2025.truth(), Huang2025.forcing(Huang2025.LEVELS));
    double ds = maxAbsDiff(tr.output(Output.SURFACE_TEMPERATURE), ts);
    double d5 = maxAbsDiff(tr.output(Output.soilTemperature(0.05)), t5);
    System.out.printf("exact vs targets: surface %.3g K, 5 cm %.3g K%n", ds, d5);
    // shared/data/README.md: exact solve differs by at most 0.004 K (surface) and 0.011 K (5 cm)
    assertThat(ds).isLessThan(0.0045);
    assertThat(d5).isLessThan(0.0115);
  }
}
