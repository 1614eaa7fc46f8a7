package org.cml4j.fuse.physics;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.vars.Frame;
import org.cml4j.fuse.net.Regressor;

/**
 * Trains a network whose outputs feed the mechanism model through a {@link PhysicsHead}, end to
 * end through the physics: every epoch runs the network, the mechanism, the mechanism's discrete
 * adjoint ({@link ModelRun#vjp}) for the gradient of the misfit with respect to the head's inputs,
 * the head's chain rule, and the network's {@link Regressor#backprop}; Adam (Kingma and Ba 2015)
 * updates the weights. Early stopping on the validation misfit restores the best weights.
 */
public final class AdjointTraining {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;

  private AdjointTraining() {}

  /**
   * The misfit {@code L = sum_k sum_t w_k (sim_k(t) - obs_k(t))^2} over the training rows, each
   * variable weighted by 1 / (variance x count) over the training period (a normalised mean
   * squared error per variable).
   *
   * @param variables observed variables the mechanism simulates
   * @param observed observations [variable][time] (NaN = missing)
   * @param weights training weights per variable
   * @param validationWeights validation weights per variable (0 if no validation data)
   * @param trainEnd end of the training rows
   * @param validationEnd end of the validation rows
   */
  public record Objective(List<String> variables, double[][] observed, double[] weights,
      double[] validationWeights, int trainEnd, int validationEnd) {
    /** The objective over the task's observed variables the mechanism simulates. */
    public static Objective of(CouplingTask task, List<String> variables) {
      int tr = task.split().trainEnd();
      int ve = task.split().validationEnd();
      double[][] obs = new double[variables.size()][];
      double[] w = new double[variables.size()];
      double[] wv = new double[variables.size()];
      for (int k = 0; k < obs.length; k++) {
        obs[k] = task.observations().values(variables.get(k));
        double s = 0;
        double s2 = 0;
        int n = 0;
        int nv = 0;
        for (int t = 0; t < ve; t++) {
          if (!Double.isNaN(obs[k][t])) {
            if (t < tr) {
              s += obs[k][t];
              s2 += obs[k][t] * obs[k][t];
              n++;
            } else {
              nv++;
            }
          }
        }
        if (n < 2) {
          throw new IllegalArgumentException("variable " + variables.get(k) + " has " + n
              + " training observations; need at least 2");
        }
        double var = Math.max(s2 / n - (s / n) * (s / n), 1e-6);
        w[k] = 1 / (var * n);
        wv[k] = nv == 0 ? 0 : 1 / (var * nv);
      }
      return new Objective(List.copyOf(variables), obs, w, wv, tr, ve);
    }

    /** True if any validation observation exists. */
    public boolean validates() {
      for (double v : validationWeights) {
        if (v > 0) {
          return true;
        }
      }
      return false;
    }

    /** Training and validation misfit of a run, and the adjoint seed of the training misfit. */
    public Evaluation evaluate(Frame sim) {
      int n = observed[0].length;
      double[][] seed = new double[n][variables.size()];
      double loss = 0;
      double val = 0;
      for (int k = 0; k < variables.size(); k++) {
        double[] s = sim.values(variables.get(k));
        for (int t = 0; t < validationEnd; t++) {
          double o = observed[k][t];
          if (Double.isNaN(o)) {
            continue;
          }
          double r = s[t] - o;
          if (t < trainEnd) {
            loss += weights[k] * r * r;
            seed[t][k] = 2 * weights[k] * r;
          } else {
            val += validationWeights[k] * r * r;
          }
        }
      }
      return new Evaluation(loss, val, seed);
    }
  }

  /**
   * Misfits of one run.
   *
   * @param loss training misfit
   * @param validation validation misfit
   * @param seed adjoint seed [time][variable] of the training misfit
   */
  public record Evaluation(double loss, double validation, double[][] seed) {}

  /**
   * One forward and reverse pass through network, head and mechanism.
   *
   * @param evaluation the misfits of the run
   * @param gradient gradient of the training misfit with respect to the network's parameters
   * @param u the network's outputs
   */
  public record Pass(Evaluation evaluation, double[] gradient, double[][] u) {}

  /** The training misfit and its gradient with respect to the network's parameters. */
  public static Pass pass(MechanismModel mechanism, ModelInput base, PhysicsHead head,
      Regressor net, double[][] x, Objective objective) {
    double[][] u = net.predict(x);
    ModelRun run = mechanism.run(head.apply(base, u));
    Evaluation e = objective.evaluate(run.outputs());
    ParameterGradient g = run.vjp(e.seed());
    return new Pass(e, net.backprop(x, head.chain(g, u)), u);
  }

  /**
   * Result of a training run.
   *
   * @param epochs epochs run
   * @param bestEpoch epoch whose weights were kept
   * @param loss training misfit per epoch
   * @param validationLoss validation misfit per epoch
   * @param u network outputs at the kept weights [time][width]
   * @param seconds wall time
   */
  public record Result(int epochs, int bestEpoch, double[] loss, double[] validationLoss,
      double[][] u, double seconds) {}

  /**
   * Trains {@code net} (in place; the best weights are left in it).
   *
   * @param mechanism the differentiable mechanism
   * @param base the model input without the network's contribution; its outputs must be the
   *     objective's variables
   * @param head how the network's outputs enter the model
   * @param net the network
   * @param x network inputs [time][feature] over the whole axis
   * @param objective the misfit
   * @param epochs maximum epochs
   * @param learningRate Adam step size
   * @param patience epochs without a better validation misfit before stopping (0 = none)
   * @param l2 weight decay {@code l2 * |p|^2} added to the misfit (for a regressor whose zero
   *     weights give its start value, e.g. {@link org.cml4j.fuse.net.LearnerRegressor}, this pulls
   *     the network towards the calibrated constant parameters)
   * @param cap wall-time safety cap of the run (a guard only; stopping is by counts)
   */
  public static Result train(MechanismModel mechanism, ModelInput base, PhysicsHead head,
      Regressor net, double[][] x, Objective objective, int epochs, double learningRate,
      int patience, double l2, org.cml4j.core.spi.Budget.SafetyCap cap) {
    if (!base.outputs().equals(objective.variables())) {
      throw new IllegalArgumentException("model outputs " + base.outputs()
          + " differ from the objective's variables " + objective.variables());
    }
    long t0 = System.nanoTime();
    double[] p = net.params();
    Adam adam = Adam.uniform(Adam.Settings.of(B1, B2, 1e-8), p.length, learningRate);
    double[] best = p.clone();
    double bestScore = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    List<Double> losses = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    boolean validate = objective.validates();
    int epoch = 0;
    while (epoch < epochs) {
      Pass pass = pass(mechanism, base, head, net, x, objective);
      Evaluation e = pass.evaluation();
      epoch++;
      losses.add(e.loss());
      vals.add(e.validation());
      if (!Double.isFinite(e.loss())) {
        throw new IllegalStateException("physics-layer misfit became " + e.loss() + " at epoch "
            + epoch + "; lower the learning rate");
      }
      double score = validate ? e.validation() : e.loss();
      if (score < bestScore) {
        bestScore = score;
        bestEpoch = epoch;
        best = p.clone();
      } else if (validate && patience > 0 && epoch - bestEpoch >= patience) {
        break;
      }
      if (cap.tick()) {
        break;
      }
      double[] grad = pass.gradient();
      for (int i = 0; i < p.length; i++) {
        grad[i] += 2 * l2 * p[i];
      }
      adam.stepAt(epoch, p, grad);
      net.setParams(p);
    }
    net.setParams(best);
    return new Result(epoch, Math.max(1, bestEpoch), toArray(losses), toArray(vals),
        net.predict(x), (System.nanoTime() - t0) * 1e-9);
  }

  /**
   * Inputs of networks that drive the physics: the forcing variables that control surface
   * exchange (wind, shortwave, air temperature, rain — whichever the task has) with a 24 h moving
   * average and the hour of day. A small, physically motivated set generalises better from a few
   * days than every forcing column with several moving averages.
   */
  public static org.cml4j.fuse.data.FeatureSpec features(CouplingTask task) {
    List<String> f = new ArrayList<>();
    for (String v : List.of("Wind", "SWdown", "Tair", "Rainf")) {
      if (task.forcing().has(v)) {
        f.add(v);
      }
    }
    return new org.cml4j.fuse.data.FeatureSpec(f, new double[] {24}, true, List.of());
  }

  private static double[] toArray(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
