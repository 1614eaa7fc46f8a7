package org.cml4j.core.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.toy.CoolingMechanism;
import org.cml4j.core.toy.ToyTasks;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.junit.jupiter.api.Test;

/** The transfer rule of {@link StructuralError} on known cases. */
class StructuralErrorTest {
  private static final StructuralError.Donor SHALLOW =
      new StructuralError.Donor("SoilTemp_0.05", "K", 0.3, 5);
  private static final StructuralError.Donor DEEP =
      new StructuralError.Donor("SoilTemp_0.2", "K", 0.2, 1);

  @Test
  void sameKindTakesTheLargestObservedScaleUnscaled() {
    StructuralError.Donor flux = new StructuralError.Donor("Qh", "W m-2", 20, 50);
    StructuralError.Transfer t = StructuralError.transfer("K", 0.01,
        List.of(DEEP, SHALLOW, flux));
    assertEquals("SoilTemp_0.05", t.donor().name());
    assertEquals(0.3, t.scale(), 0);
    assertEquals("+structural(SoilTemp_0.05)", t.label());
    assertEquals(20, StructuralError.transfer("W m-2", 3, List.of(SHALLOW, flux)).scale(), 0);
  }

  @Test
  void anotherKindGetsTheLargestRelativeScale() {
    // relative scales 0.3 / 5 = 0.06 and 0.2 / 1 = 0.2: the deep one, times the flux's sd 40
    StructuralError.Transfer t = StructuralError.transfer("W m-2", 40, List.of(SHALLOW, DEEP));
    assertEquals("SoilTemp_0.2", t.donor().name());
    assertEquals(8.0, t.scale(), 1e-12);
    assertEquals("+structural(SoilTemp_0.2 relative)", t.label());
  }

  @Test
  void withoutUsableDonorThereIsNoTransfer() {
    assertNull(StructuralError.transfer("K", 1, List.of()));
    assertNull(StructuralError.transfer("W m-2", 0, List.of(SHALLOW)));
    assertNull(StructuralError.transfer("W m-2", 4,
        List.of(new StructuralError.Donor("SurfTemp", "K", Double.NaN, 3))));
  }

  /**
   * Known case: the observed and the unobserved depth have errors of the same scale (the rule's
   * assumption); the unobserved one also has a parameter spread of 0.3 K. Its distribution is
   * N(point, 0.3² + δ²) with δ the observed depth's held-out noise scale, exactly, and covers its
   * truth at the nominal rates within binomial noise (8000 test steps: sd 0.0034 at 90 %) plus
   * the noise of δ estimated from 4000 validation residuals.
   */
  @Test
  void transferredScaleCoversAnUnobservedDepthWithTheSameErrorAtNominalRate() {
    int n = 20000;
    double[] point = diurnal(n, 290, 5);
    double[] deepPoint = diurnal(n, 288, 0.5);
    Random r = new Random(11);
    double[] obs = point.clone();
    double[] deepTruth = deepPoint.clone();
    for (int t = 0; t < n; t++) {
      obs[t] += 0.4 * r.nextGaussian();
      deepTruth[t] += 0.3 * r.nextGaussian() + 0.4 * r.nextGaussian();
    }
    CouplingTask task = CouplingTask.builder().name("structural").mechanism(
        new CoolingMechanism()).forcing(ToyTasks.forcing(n))
        .observations(Frame.regular(n, 3600).with("SoilTemp_0.05", obs))
        .split(TimeSplit.fractions(n, 0.5, 0.2)).targets(List.of("SoilTemp_0.05",
            "SoilTemp_0.5")).budget(Budget.tiny()).seed(1).build();
    StructuralError.Donor d = StructuralError.donor(task, "SoilTemp_0.05", point, null);
    assertEquals(0.4, d.scale(), 0.4 * 4 / Math.sqrt(2 * 4000));
    assertNull(StructuralError.donor(task, "SoilTemp_0.5", deepPoint, null));
    double[] spread = Predictives.constant(n, 0.3);
    PredictiveDistribution p = StructuralError.gaussians("laplace", task,
        Map.of("SoilTemp_0.5", deepPoint), Map.of("SoilTemp_0.5", spread), List.of(d))
        .get("SoilTemp_0.5");
    assertEquals("laplace+structural(SoilTemp_0.05)", p.method());
    double z95 = 1.6448536269514722;
    assertEquals(z95 * Math.sqrt(0.09 + d.scale() * d.scale()),
        p.quantile(n - 1, 0.95) - deepPoint[n - 1], 1e-9);
    int from = task.split().validationEnd();
    ProbabilisticScores.Scores s = ProbabilisticScores.score(p, deepTruth, from, n);
    assertEquals(0.90, s.coverage90(), 0.015);
    assertEquals(0.50, s.coverage50(), 0.02);
  }

  /** mean + amplitude sin(2 pi t / 24 h), hourly. */
  private static double[] diurnal(int n, double mean, double amplitude) {
    return java.util.stream.IntStream.range(0, n)
        .mapToDouble(t -> mean + amplitude * Math.sin(2 * Math.PI * t / 24.0)).toArray();
  }
}
