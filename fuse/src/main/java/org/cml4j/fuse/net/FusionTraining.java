package org.cml4j.fuse.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.Budget;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Full-batch Adam training of a {@link FusionNetwork} (Kingma and Ba 2015; beta1 0.9, beta2
 * 0.999, eps 1e-8), recording the loss, the data misfit, the validation misfit and every physics
 * term after each epoch; with validation rows it stops after {@code patience} epochs without a
 * better validation misfit and restores the best weights. Stopping is decided by counts only
 * (epochs, patience); a {@link Budget.SafetyCap} on wall time is only a guard against runaway
 * runs, and hitting it is reported ({@link Report#capHit()}).
 */
public final class FusionTraining {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-8;

  private FusionTraining() {}

  /**
   * Result of one training phase.
   *
   * @param epochs epochs run
   * @param bestEpoch epoch (1-based) whose weights were kept
   * @param earlyStopped true if patience ran out
   * @param curves per-epoch values: "loss", "misfit", "val_misfit" and one per physics term
   * @param capHit true if the wall-time safety cap stopped training
   * @param seconds wall time
   */
  public record Report(int epochs, int bestEpoch, boolean earlyStopped,
      Map<String, double[]> curves, boolean capHit, double seconds) {
    /** Last value of a curve. */
    public double last(String curve) {
      double[] c = curves.get(curve);
      if (c == null) {
        throw new IllegalArgumentException("no curve " + curve + "; curves: " + curves.keySet());
      }
      return c[c.length - 1];
    }

    /** Value of a curve at the kept epoch. */
    public double atBest(String curve) {
      return curves.get(curve)[bestEpoch - 1];
    }
  }

  /**
   * Trains for {@code epochs} epochs, fewer if early stopping or the safety cap ends it.
   *
   * @param net the network
   * @param feed placeholder values (see {@link FusionNetwork#feed})
   * @param epochs maximum epochs
   * @param learningRate Adam step size
   * @param patience early-stopping patience in epochs (0 = none); only used with validation rows
   * @param validate whether the feed has validation rows to stop and select on
   * @param cap wall-time safety cap of the run (shared by its phases)
   */
  public static Report train(FusionNetwork net, Map<String, INDArray> feed, int epochs,
      double learningRate, int patience, boolean validate, Budget.SafetyCap cap) {
    return train(net, feed, epochs, learningRate, patience, validate, cap, 0);
  }

  /**
   * Same as {@link #train(FusionNetwork, Map, int, double, int, boolean, Budget.SafetyCap)} with
   * a physics warm-up: the physics-term weights rise linearly from 0 to their configured values
   * over the first {@code warmup} epochs (the data fix the solution before the physics refines
   * it; strong physics terms from the start pull an untrained network towards trivial solutions
   * such as a profile that does not change in time). The terms' own scalars
   * ({@link FusionNetwork#termScalars()}) stay at their initial values during the warm-up and
   * then learn with their own Adam step count. Early stopping only starts after the warm-up.
   */
  public static Report train(FusionNetwork net, Map<String, INDArray> feed, int epochs,
      double learningRate, int patience, boolean validate, Budget.SafetyCap cap, int warmup) {
    Map<String, INDArray> ph = new java.util.HashMap<>(feed);
    long t0 = System.nanoTime();
    List<String> vars = net.trainable();
    java.util.Set<String> scalars = java.util.Set.copyOf(net.termScalars());
    Map<String, double[]> p = new LinkedHashMap<>();
    Map<String, Adam> adam = new LinkedHashMap<>();
    for (String n : vars) {
      double[] x = net.parameter(n);
      p.put(n, x);
      adam.put(n, Adam.uniform(Adam.Settings.of(B1, B2, EPS), x.length, learningRate));
    }
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    Map<String, double[]> best = null;
    double bestVal = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int epoch = 0;
    boolean stopped = false;
    while (epoch < epochs) {
      if (warmup > 0) {
        net.scaleTerms(ph, Math.min(1.0, epoch / (double) warmup));
      }
      FusionNetwork.Step s = net.step(ph);
      epoch++;
      s.values().forEach((k, val) -> curves.computeIfAbsent(k, q -> new ArrayList<>()).add(val));
      double loss = s.values().get("loss");
      if (!Double.isFinite(loss)) {
        throw new IllegalStateException("fusion network loss became " + loss + " at epoch "
            + epoch + " (values " + s.values() + "); lower the learning rate or the term weights");
      }
      double score = validate ? s.values().get("val_misfit") : loss;
      if (epoch <= warmup) {
        bestEpoch = epoch;
      } else if (score < bestVal) {
        bestVal = score;
        bestEpoch = epoch;
        best = copy(p);
      } else if (validate && patience > 0 && epoch - bestEpoch >= patience) {
        stopped = true;
        break;
      }
      if (cap.tick()) {
        break;
      }
      for (String n : vars) {
        // the terms' own scalars (e.g. the diffusivity) learn only once the physics is fully
        // on: during the warm-up the network's profile is still far from the data, and Adam's
        // normalised steps would walk them off by the noise of that profile's residuals
        int t = scalars.contains(n) ? epoch - warmup : epoch;
        if (t < 1) {
          continue;
        }
        double[] x = p.get(n);
        adam.get(n).stepAt(t, x, s.gradients().get(n));
        net.setParameter(n, x);
      }
    }
    if (best != null) {
      best.forEach(net::setParameter);
    }
    Map<String, double[]> c = new LinkedHashMap<>();
    curves.forEach((k, l) -> c.put(k, l.stream().mapToDouble(Double::doubleValue).toArray()));
    return new Report(epoch, Math.max(1, bestEpoch), stopped, c, cap.hit(),
        (System.nanoTime() - t0) * 1e-9);
  }

  private static Map<String, double[]> copy(Map<String, double[]> p) {
    Map<String, double[]> c = new LinkedHashMap<>();
    p.forEach((k, x) -> c.put(k, x.clone()));
    return c;
  }
}
