package org.cml4j.fuse.physics;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.Regressor;
import org.cml4j.core.learn.adjoint.AdjointNetwork;
import org.cml4j.core.learn.adjoint.JointConstants;
import org.cml4j.core.learn.adjoint.Misfit;
import org.cml4j.core.learn.adjoint.PhysicsHead;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;
import org.cml4j.fuse.data.FeatureSpec;

/**
 * The fusion couplings' configuration of {@link AdjointNetwork} (a network whose outputs feed the
 * mechanism through a {@link PhysicsHead}, trained end to end through the mechanism's adjoint):
 * their misfit (a normalised mean squared error per variable), Adam settings, epoch counting and
 * input features.
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
      double[] validationWeights, int trainEnd, int validationEnd) implements Misfit {
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
    @Override
    public boolean validates() {
      for (double v : validationWeights) {
        if (v > 0) {
          return true;
        }
      }
      return false;
    }

    /** Training and validation misfit of a run, and the adjoint seed of the training misfit. */
    @Override
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
   * Trains {@code net} (in place; the best weights are left in it) with {@link AdjointNetwork}:
   * Adam with power bias corrections, at most {@code epochs} evaluations, early stopping only on
   * validation data.
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
   * @param l2 weight decay {@code l2 * |p|^2} added to the misfit (for a network whose zero
   *     weights give its start value, e.g. {@link #network}, this pulls the network towards the
   *     calibrated constant parameters)
   * @param cap wall-time safety cap of the run (a guard only; stopping is by counts)
   */
  public static Result train(MechanismModel mechanism, ModelInput base, PhysicsHead head,
      Regressor net, double[][] x, Objective objective, int epochs, double learningRate,
      int patience, double l2, Budget.SafetyCap cap) {
    if (epochs < 1) {
      throw new IllegalArgumentException("adjoint training needs at least 1 epoch, got " + epochs);
    }
    long t0 = System.nanoTime();
    AdjointNetwork an = new AdjointNetwork(new AdjointNetwork.Problem(mechanism, base, head, x,
        objective, JointConstants.none()), net);
    Adam adam = Adam.uniform(Adam.Settings.of(B1, B2, 1e-8), net.params().length, learningRate);
    AdjointNetwork.Result r = an.train(adam, new AdjointNetwork.Settings(epochs - 1,
        objective.validates() ? patience : 0, l2, false, cap));
    return new Result(r.loss().length, r.bestIndex() + 1, r.loss(), r.validation(), r.u(),
        (System.nanoTime() - t0) * 1e-9);
  }

  /**
   * The fusion couplings' network ({@link AdjointNetwork#mlp}): tanh layers of widths
   * {@code hidden}, inputs z-scored on all rows of {@code x}, outputs {@code start + scale z} with
   * the output layer's initial weights shrunk tenfold and its bias zeroed, so an untrained network
   * outputs values near {@code start} (e.g. the logit of a calibrated parameter).
   */
  public static Learner network(int[] hidden, double[][] x, double[] start, double[] scale,
      long seed) {
    return AdjointNetwork.mlp(hidden, x, start, scale, 0.1, seed);
  }

  /**
   * Inputs of networks that drive the physics: the forcing variables that control surface
   * exchange (wind, shortwave, air temperature, rain — whichever the task has) with a 24 h moving
   * average and the hour of day. A small, physically motivated set generalises better from a few
   * days than every forcing column with several moving averages.
   */
  public static FeatureSpec features(CouplingTask task) {
    List<String> f = new ArrayList<>();
    for (String v : List.of("Wind", "SWdown", "Tair", "Rainf")) {
      if (task.forcing().has(v)) {
        f.add(v);
      }
    }
    return new FeatureSpec(f, new double[] {24}, true, List.of());
  }
}
