package org.cml4j.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.toy.CoolingMechanism;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.junit.jupiter.api.Test;

class EmpiricalBaselineTest {
  static final EmpiricalBaseline LIN1 = new EmpiricalBaseline(EmpiricalBaseline.Kind.ONE_LIN);
  static final EmpiricalBaseline LIN2 = new EmpiricalBaseline(EmpiricalBaseline.Kind.TWO_LIN);
  static final EmpiricalBaseline KM27 = new EmpiricalBaseline(EmpiricalBaseline.Kind.THREE_KM27);

  /** Forcing with an hourly SWdown cycle, a noisy Tair and Qair (seeded). */
  static Frame forcing(int n, long seed, boolean humidity) {
    Random r = new Random(seed);
    double[] sw = new double[n];
    double[] ta = new double[n];
    double[] q = new double[n];
    double[] lw = new double[n];
    for (int i = 0; i < n; i++) {
      sw[i] = Math.max(0, 800 * Math.sin(2 * Math.PI * (i % 24 - 6) / 24.0)) + 20 * r.nextDouble();
      ta[i] = 290 + 5 * Math.sin(2 * Math.PI * (i % 24 - 9) / 24.0) + r.nextGaussian();
      q[i] = 0.008 + 0.002 * r.nextGaussian();
      lw[i] = 330 + 10 * r.nextGaussian();
    }
    Frame f = Frame.regular(n, 3600).with("SWdown", sw).with("Tair", ta).with("LWdown", lw);
    return humidity ? f.with("Qair", q) : f;
  }

  static CouplingTask task(Frame forcing, String target, double[] y, long seed) {
    return CouplingTask.builder().name("empirical-test").mechanism(new CoolingMechanism())
        .forcing(forcing).observations(forcing.select(List.of()).with(target, y))
        .split(TimeSplit.fractions(forcing.size(), 0.6, 0.2)).target(target)
        .budget(Budget.tiny()).seed(seed).build();
  }

  @Test
  void oneLinRecoversAnExactLinearRelationOnTheWholeAxis() {
    Frame f = forcing(240, 1, true);
    double[] sw = f.values("SWdown");
    double[] y = new double[sw.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3 + 0.05 * sw[i];
    }
    CouplingSolution s = LIN1.solve(task(f, "Qg", y, 7));
    double[] p = s.predictions().values("Qg");
    for (int i = 0; i < y.length; i++) { // test period included: observations there are hidden
      assertThat(p[i]).isCloseTo(y[i], within(1e-9));
    }
  }

  @Test
  void twoLinRecoversAnExactRelationOnSwdownAndTair() {
    Frame f = forcing(240, 2, false);
    double[] sw = f.values("SWdown");
    double[] ta = f.values("Tair");
    double[] y = new double[sw.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = -100 + 0.2 * sw[i] + 0.7 * ta[i];
    }
    double[] p = LIN2.solve(task(f, "Qh", y, 7)).predictions().values("Qh");
    for (int i = 0; i < y.length; i++) {
      assertThat(p[i]).isCloseTo(y[i], within(1e-8));
    }
    // 1lin cannot: Tair matters
    double[] p1 = LIN1.solve(task(f, "Qh", y, 7)).predictions().values("Qh");
    double maxErr = 0;
    for (int i = 0; i < y.length; i++) {
      maxErr = Math.max(maxErr, Math.abs(p1[i] - y[i]));
    }
    assertThat(maxErr).isGreaterThan(1.0);
  }

  @Test
  void km27FindsTwentySevenSeparatedClustersAndTheirOwnRelations() {
    int per = 20;
    int n = 27 * per * 2;
    Random r = new Random(5);
    double[] sw = new double[n];
    double[] ta = new double[n];
    double[] q = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int c = i % 27; // cluster on a 3 x 3 x 3 grid, each cluster in train and test
      double a = 1000.0 * (c % 3) + 20 * r.nextGaussian();
      double b = 270 + 30.0 * ((c / 3) % 3) + 0.5 * r.nextGaussian();
      double h = 0.004 + 0.006 * (c / 9) + 0.0001 * r.nextGaussian();
      sw[i] = a;
      ta[i] = b;
      q[i] = h;
      y[i] = c + (c - 13) * 0.01 * a - 0.3 * c * b + 1000 * (c % 5) * h;
    }
    Frame f = Frame.regular(n, 3600).with("SWdown", sw).with("Tair", ta).with("Qair", q);
    CouplingTask t = CouplingTask.builder().name("clusters").mechanism(new CoolingMechanism())
        .forcing(f).observations(f.select(List.of()).with("Qle", y))
        .split(new TimeSplit(n / 2, n / 2 + 27, n)).target("Qle").budget(Budget.tiny())
        .seed(11).build();
    CouplingSolution s = KM27.solve(t);
    assertThat(s.diagnostics().scalars().get("clusters")).isEqualTo(27.0);
    assertThat(s.diagnostics().scalars().get("ownClusterFits_Qle")).isEqualTo(27.0);
    assertThat(s.diagnostics().notes()).isEmpty(); // Qair present: no substitute
    double[] p = s.predictions().values("Qle");
    for (int i = 0; i < n; i++) {
      assertThat(p[i]).as("step %d", i).isCloseTo(y[i], within(1e-6 * (1 + Math.abs(y[i]))));
    }
    // a single regression cannot represent 27 different relations
    double[] p2 = LIN2.solve(t).predictions().values("Qle");
    double worst = 0;
    for (int i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(p2[i] - y[i]));
    }
    assertThat(worst).isGreaterThan(10);
  }

  @Test
  void sameSeedSameOutputDifferentSeedStillFinite() {
    Frame f = forcing(300, 3, true);
    double[] y = qleLike(f, 4);
    CouplingSolution a = KM27.solve(task(f, "Qle", y, 42));
    CouplingSolution b = KM27.solve(task(f, "Qle", y, 42));
    assertThat(a.predictions().values("Qle")).containsExactly(b.predictions().values("Qle"));
    assertThat(a.diagnostics().scalars().get("clusters")).isEqualTo(27.0);
    // 180 training rows over 27 clusters: some clusters are too small and fall back
    double own = a.diagnostics().scalars().get("ownClusterFits_Qle");
    assertThat(own).isGreaterThan(0).isLessThan(27);
  }

  @Test
  void gappyForcingAndObservationsGiveNoNaN() {
    Frame f0 = forcing(240, 6, true);
    double[] y = qleLike(f0, 6);
    double[] sw = f0.values("SWdown").clone();
    double[] q = f0.values("Qair").clone();
    for (int i = 0; i < 240; i += 7) {
      sw[i] = Double.NaN; // gaps in training and test
      y[(i + 3) % 240] = Double.NaN;
    }
    for (int i = 200; i < 240; i++) {
      q[i] = Double.NaN; // a gap up to the end: nearest value
    }
    q[0] = Double.NaN; // a gap at the start
    Frame f = f0.replace(VariableSpec.of("SWdown"), sw).replace(VariableSpec.of("Qair"), q);
    for (EmpiricalBaseline b : EmpiricalBaseline.all()) {
      CouplingSolution s = b.solve(task(f, "Qle", y, 9));
      double[] p = s.predictions().values("Qle");
      assertThat(p).hasSize(240);
      for (double v : p) {
        assertThat(Double.isFinite(v)).as(b.name()).isTrue();
      }
      assertThat(s.diagnostics().scalars().get("filledInputSteps")).isGreaterThan(0);
    }
  }

  @Test
  void withoutHumidityLwdownStandsInAndWithoutEitherKm27DoesNotApply() {
    Frame f = forcing(240, 8, false);
    double[] y = qleLike(f, 8);
    CouplingSolution s = KM27.solve(task(f, "Qle", y, 1));
    assertThat(s.diagnostics().notes()).anyMatch(x -> x.contains("LWdown stands in"));
    assertThat(s.provenance().config().get("predictors")).isEqualTo("[SWdown, Tair, LWdown]");
    Frame bare = f.drop(List.of("LWdown"));
    var ap = KM27.applicability(task(bare, "Qle", y, 1));
    assertThat(ap.applicable()).isFalse();
    assertThat(ap.reason()).contains("no humidity").contains("no LWdown");
    assertThat(LIN2.applicability(task(bare, "Qle", y, 1)).applicable()).isTrue();
  }

  @Test
  void constantPredictorsFallBackToTheMean() {
    int n = 100;
    double[] sw = new double[n]; // a night-only record: SWdown constant 0
    double[] ta = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      ta[i] = 280;
      y[i] = 10 + (i % 2);
    }
    Frame f = Frame.regular(n, 3600).with("SWdown", sw).with("Tair", ta);
    for (EmpiricalBaseline b : List.of(LIN1, LIN2)) {
      CouplingSolution s = b.solve(task(f, "Qg", y, 1));
      assertThat(s.diagnostics().scalars().get("predictorsUsed_Qg")).isEqualTo(0.0);
      // mean over the 80 steps before the test period
      assertThat(s.predictions().values("Qg")[95]).isCloseTo(10.5, within(1e-12));
    }
  }

  @Test
  void tooFewTargetObservationsIsNotApplicable() {
    Frame f = forcing(100, 1, true);
    double[] y = new double[100];
    java.util.Arrays.fill(y, Double.NaN);
    for (int i = 0; i < EmpiricalBaseline.MIN_TARGET_ROWS - 1; i++) {
      y[i] = i;
    }
    var ap = LIN1.applicability(task(f, "Qg", y, 1));
    assertThat(ap.applicable()).isFalse();
    assertThat(ap.reason()).contains("no target has " + EmpiricalBaseline.MIN_TARGET_ROWS);
  }

  /** A nonlinear function of the forcing plus seeded noise. */
  static double[] qleLike(Frame f, long seed) {
    Random r = new Random(seed);
    double[] sw = f.values("SWdown");
    double[] ta = f.values("Tair");
    double[] y = new double[sw.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.3 * sw[i] * (1 + 0.05 * (ta[i] - 290)) + 0.0002 * sw[i] * sw[i]
          + 5 * r.nextGaussian();
    }
    return y;
  }
}
