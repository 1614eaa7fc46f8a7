package org.cml4j.cascade.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.experiment.Huang2025;
import org.junit.jupiter.api.Test;

class SamplesTest {
  /**
   * Every coordinate of the points lies in [0, 1) and puts between {@code min} and {@code max}
   * points into each of {@code bins} equal bins.
   */
  static void assertBinCounts(double[][] x, int bins, int min, int max) {
    for (int j = 0; j < x[0].length; j++) {
      int[] count = new int[bins];
      for (double[] p : x) {
        assertThat(p[j]).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        count[(int) (p[j] * bins)]++;
      }
      for (int b = 0; b < bins; b++) {
        assertThat(count[b]).as("points in bin %d of coordinate %d", b, j).isBetween(min, max);
      }
    }
  }

  @Test
  void latinHypercubeHitsEveryStratumOncePerCoordinate() {
    double[][] x = ParameterSampler.latinHypercube(7).sample(50, 4);
    assertBinCounts(x, 50, 1, 1);
    assertThat(ParameterSampler.latinHypercube(7).sample(50, 4)).isDeepEqualTo(x);
    assertThat(ParameterSampler.latinHypercube(8).sample(50, 4)[0]).isNotEqualTo(x[0]);
  }

  @Test
  void sobolPointsAreUniformAndSeeded() {
    double[][] x = ParameterSampler.sobol(3).sample(256, 3);
    assertBinCounts(x, 8, 31, 33);
    assertThat(ParameterSampler.sobol(3).sample(256, 3)).isDeepEqualTo(x);
    assertThatThrownBy(() -> ParameterSampler.named("grid", 1))
        .hasMessageContaining("known: lhs, sobol");
  }

  @Test
  void rangesMapUnitCubeToPhysicalValuesAndBack() {
    ParameterRange lam = ParameterRange.logUniform("lambda", 0.2, 3.0);
    assertThat(lam.fromUnit(0)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(lam.fromUnit(1)).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(lam.fromUnit(0.5)).isEqualTo(Math.sqrt(0.6), org.assertj.core.data.Offset
        .offset(1e-12));
    assertThat(lam.toUnit(lam.fromUnit(0.3))).isEqualTo(0.3, org.assertj.core.data.Offset
        .offset(1e-12));
    assertThatThrownBy(() -> ParameterRange.logUniform("Tb", 0, 300))
        .hasMessageContaining("log sampling needs lower > 0");
    assertThatThrownBy(() -> SamplingSpace.of(lam, lam)).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> SamplingSpace.of(ParameterRange.linear("alpha", 0.5, 1.5))
        .checkedAgainst(LsmMechanism.huang2025()))
        .hasMessageContaining("leaves the mechanism's allowed range [0.0, 1.0]");
    assertThatThrownBy(() -> SamplingSpace.lsmPlausible(List.of("kappa"), 290))
        .hasMessageContaining("no plausible range for parameter kappa");
  }

  @Test
  void generatedSamplesAreTheMechanismsOutputsWhateverTheThreadCount() {
    Frame f = Frame.regular(49, 3600);
    var hf = Huang2025.forcing(49);
    f = f.with(Variables.SWDOWN, hf.kdown()).with(Variables.LWDOWN, hf.ldown())
        .with(Variables.TAIR, hf.ta());
    LsmMechanism m = LsmMechanism.huang2025();
    ModelInput in = ModelInput.of(f, Map.of("Tb", 293.0), List.of("SoilTemp_0.05", "SurfTemp"));
    SamplingSpace space = SamplingSpace.lsmPlausible(List.of("lambda", "C", "hbeta"), 293);
    SampleSet a = new SampleGenerator(1).generate(Simulator.of(m, in), space,
        ParameterSampler.sobol(1), 20);
    SampleSet b = new SampleGenerator(2).generate(Simulator.of(m, in), space,
        ParameterSampler.sobol(1), 20);
    assertThat(a.size()).isEqualTo(20);
    assertThat(a.failures()).isZero();
    assertThat(b.outputs()).isDeepEqualTo(a.outputs());
    double[] p = a.parameters()[5];
    double[] direct = m.run(in.withParameters(Map.of("Tb", 293.0, "lambda", p[0], "C", p[1],
        "hbeta", p[2]))).outputs().values("SoilTemp_0.05");
    assertThat(a.output(5, "SoilTemp_0.05")).containsExactly(direct);
    assertThat(a.unitParameters()[5]).containsExactly(space.toUnit(p));
    assertThatThrownBy(() -> a.output(0, "Qg")).hasMessageContaining("outputs: [SoilTemp_0.05,"
        + " SurfTemp]");
  }

  @Test
  void failedRunsAreDroppedAndCounted() {
    SamplingSpace space = SamplingSpace.of(ParameterRange.linear("x", 0, 1));
    Simulator sim = p -> {
      double x = p.get("x");
      if (x > 0.75) {
        throw new IllegalStateException("diverged");
      }
      return Map.of("y", new double[] {x, x < 0.25 ? Double.NaN : 2 * x});
    };
    SampleSet s = new SampleGenerator(2).generate(sim, space, ParameterSampler.latinHypercube(1),
        40);
    assertThat(s.size()).isEqualTo(20);
    assertThat(s.failures()).isEqualTo(20);
    for (int i = 0; i < s.size(); i++) {
      assertThat(s.parameters()[i][0]).isBetween(0.25, 0.75);
    }
    Simulator bad = p -> {
      throw new IllegalStateException("always");
    };
    assertThatThrownBy(() -> new SampleGenerator(1).generate(bad, space,
        ParameterSampler.sobol(1), 5)).hasMessageContaining("all 5 samples failed");
    assertThatThrownBy(() -> Simulator.of(LsmMechanism.huang2025(), ModelInput.of(
        Frame.regular(3, 3600), Map.of(), List.of("Qh")))).hasMessageContaining("cannot simulate"
        + " Qh");
  }
}
