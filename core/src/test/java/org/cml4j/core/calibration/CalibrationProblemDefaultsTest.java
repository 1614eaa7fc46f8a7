package org.cml4j.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.toy.ToyTasks;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.junit.jupiter.api.Test;

/** The shared calibration defaults are what {@link CalibrationProblem}'s Javadoc says. */
class CalibrationProblemDefaultsTest {
  private static final double N = Double.NaN;

  /** A land-surface-like stub: parameters alpha, lambda, Tb, eps; simulates soil and surface T. */
  private static final MechanismModel STUB = new MechanismModel() {
    @Override
    public String name() {
      return "stub";
    }

    @Override
    public List<ParameterInfo> parameters() {
      return List.of(new ParameterInfo("alpha", "1", 0, 1, 0.2, false, "albedo"),
          new ParameterInfo("lambda", "W m-1 K-1", 1e-3, 10, 0.8, true, "conductivity"),
          new ParameterInfo("Tb", "K", 150, 400, 293, false, "bottom temperature"),
          new ParameterInfo("eps", "1", 0.5, 1, 0.95, false, "emissivity"));
    }

    @Override
    public List<VariableSpec> forcing() {
      return List.of(VariableSpec.of("Tair"));
    }

    @Override
    public boolean canSimulate(String v) {
      return v.startsWith("SoilTemp_") || v.equals("SurfTemp");
    }

    @Override
    public ModelRun run(ModelInput input) {
      throw new UnsupportedOperationException("not run in this test");
    }
  };

  private static CouplingTask task(Frame obs, List<String> fit, Map<String, Double> known) {
    Frame forcing = Frame.regular(10, 3600)
        .with("Tair", new double[] {280, 282, N, 286, 288, 290, 292, 294, 296, 298})
        .with("SWdown", new double[] {0, N, 2, 3, 4, 5, 6, 7, 8, 9});
    CouplingTask.Builder b = CouplingTask.builder().name("stub").mechanism(STUB).forcing(forcing)
        .observations(obs).split(new TimeSplit(6, 8, 10)).target("SurfTemp").seed(7)
        .fitParameters(fit);
    known.forEach(b::knownParameter);
    return b.build();
  }

  private static Frame observations() {
    return Frame.regular(10, 3600)
        .with("SoilTemp_0.1", new double[] {290, 291, 292, N, 294, 295, 300, 300, 300, 300})
        .with("SoilTemp_0.5", new double[] {N, N, N, N, N, 288, 299, 299, 299, 299})
        .with("SurfTemp", new double[] {N, 300, 301, 302, 303, 304, 310, 310, 310, 310})
        .with("Qle", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  }

  @Test
  void defaultsOfTheJavadoc() {
    CouplingTask t = task(observations(), List.of(), Map.of("lambda", 1.0));
    CalibrationProblem p = CalibrationProblem.from(t);
    // training period only
    assertThat(p.from()).isZero();
    assertThat(p.to()).isEqualTo(6);
    // simulable, >= 2 training observations (SoilTemp_0.5 has 1; Qle is not simulable)
    assertThat(p.variables()).containsExactly("SoilTemp_0.1", "SurfTemp");
    // every parameter except known ones and eps
    assertThat(p.fit()).containsExactly("alpha", "Tb");
    // Tb: training mean of the deepest soil temperature with training data (one value, 288 K)
    assertThat(p.guess()).containsEntry("Tb", 288.0).containsEntry("alpha", 0.2)
        .containsEntry("lambda", 1.0).containsEntry("eps", 0.95);
    // mechanism forcing gaps interpolated linearly; other columns untouched
    assertThat(p.forcing().values("Tair")[2]).isEqualTo(284.0);
    assertThat(p.forcing().values("SWdown")[1]).isNaN();
    // initial observations: non-NaN values at step 0
    assertThat(p.initialObservations()).containsOnlyKeys("SoilTemp_0.1", "Qle");
    assertThat(p.seed()).isEqualTo(7);
  }

  @Test
  void taskFitListIsFilteredAndTbFallsBackToTheSurfaceTemperature() {
    Frame obs = observations().drop(List.of("SoilTemp_0.1", "SoilTemp_0.5"));
    CouplingTask t = task(obs, List.of("lambda", "eps", "Tb"), Map.of("lambda", 1.0));
    CalibrationProblem p = CalibrationProblem.from(t);
    assertThat(p.fit()).containsExactly("eps", "Tb");
    assertThat(p.guess().get("Tb")).isEqualTo((300 + 301 + 302 + 303 + 304) / 5.0);
  }

  @Test
  void guessIsStrictlyInsideTheBounds() {
    Frame obs = Frame.regular(10, 3600)
        .with("SoilTemp_0.3", new double[] {500, 500, 500, 500, 500, 500, 0, 0, 0, 0});
    CalibrationProblem p = CalibrationProblem.from(task(obs, List.of(), Map.of()));
    assertThat(p.guess().get("Tb")).isLessThan(400).isGreaterThan(399.999);
    assertThat(p.fit()).containsExactly("alpha", "lambda", "Tb");
  }

  @Test
  void interpolationNeedsOneValue() {
    assertThat(CalibrationProblem.interpolateGaps(new double[] {N, 1, N, 3, N}, "x"))
        .containsExactly(1, 1, 2, 3, 3);
    assertThatThrownBy(() -> CalibrationProblem.interpolateGaps(new double[] {N, N}, "forcing x"))
        .hasMessageContaining("forcing x").hasMessageContaining("all missing");
  }

  @Test
  void calibrationUsesTheTrainingPeriodOnlyAndReportsAStableId() {
    CouplingTask twin = ToyTasks.twin(3).toBuilder().fitParameters(List.of()).build();
    OptimizerSettings s = new OptimizerSettings("lm", 100, 200, 2, 1e-10);
    Calibration a = new MechanismCalibrator(s).calibrate(twin);
    // the observations after the training period are replaced: nothing may change
    int end = twin.split().trainEnd();
    double[] o = twin.observations().values("SurfTemp");
    for (int i = end; i < o.length; i++) {
      o[i] = 1000;
    }
    CouplingTask moved = twin.toBuilder()
        .observations(twin.observations().replace(twin.observations().spec("SurfTemp"), o))
        .build();
    Calibration b = new MechanismCalibrator(s).calibrate(moved);
    assertThat(b.fitted()).isEqualTo(a.fitted());
    assertThat(a.fitted().get("rate")).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.01));
    assertThat(a.fitted().get("offset")).isCloseTo(3, org.assertj.core.data.Offset.offset(0.2));
    assertThat(a.starts()).isEqualTo(2);
    assertThat(a.id()).isEqualTo("lm-multistart v1 fit=[rate, offset] on=[SurfTemp] starts=2");
    assertThat(Calibration.id(CalibrationProblem.from(twin), 2)).isEqualTo(a.id());
    assertThat(a.simulate(List.of("SurfTemp")).size()).isEqualTo(twin.split().size());
  }
}
