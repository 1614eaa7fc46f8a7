package org.cml4j.embed.solving;

import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.adjoint.AdjointNetwork;
import org.cml4j.core.learn.adjoint.Misfit;
import org.cml4j.core.metrics.Moments;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.vars.Frame;

/**
 * Mean squared misfit of a mechanism run with constant and time-varying parameters against
 * observed variables over a period, and its adjoint gradient with respect to both (through
 * {@link ModelRun#vjp}). Variables in different units are each divided by their variance over the
 * fitted period. Counts forward and adjoint runs.
 */
public final class SeriesObjective {
  private final MechanismModel mechanism;
  private final Frame forcing;
  private final List<String> variables;
  private final double[][] obs;
  private final double[] weight;
  private final Map<String, Double> initialObservations;
  private long forwardRuns;
  private long adjointRuns;

  /**
   * @param from first step of the period the weights are computed on
   * @param to end (exclusive) of that period
   */
  public SeriesObjective(MechanismModel mechanism, Frame forcing, Frame observations,
      List<String> variables, Map<String, Double> initialObservations, int from, int to) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("series objective: no observed variable");
    }
    this.mechanism = mechanism;
    this.forcing = forcing;
    this.variables = List.copyOf(variables);
    this.initialObservations = Map.copyOf(initialObservations);
    boolean sameUnit = variables.stream().map(v -> observations.spec(v).unit()).distinct()
        .count() == 1;
    obs = new double[variables.size()][];
    weight = new double[variables.size()];
    for (int k = 0; k < obs.length; k++) {
      obs[k] = observations.values(variables.get(k));
      weight[k] = Weight.of(obs[k], variables.get(k), from, to, sameUnit).value();
    }
  }

  /**
   * Weight of one observed variable in a mean squared misfit.
   *
   * @param count valid observations in the period
   * @param value 1 if all variables share a unit, else 1 / their variance over the period
   */
  record Weight(int count, double value) {
    /** The weight over steps [from, to); at least 2 observations are needed. */
    static Weight of(double[] obs, String variable, int from, int to, boolean sameUnit) {
      Moments mo = Moments.of(obs, from, to);
      int n = mo.count();
      if (n < 2) {
        throw new IllegalArgumentException("variable " + variable + " has " + n
            + " observations in steps [" + from + ", " + to + "); need at least 2");
      }
      return new Weight(n, sameUnit ? 1 : 1 / Math.max(1e-6, mo.variance()));
    }
  }

  public long forwardRuns() {
    return forwardRuns;
  }

  public long adjointRuns() {
    return adjointRuns;
  }

  /** Runs the mechanism. */
  public ModelRun run(Map<String, Double> constants, Map<String, double[]> series) {
    forwardRuns++;
    return mechanism.run(new ModelInput(forcing, constants, series, variables,
        initialObservations));
  }

  /** Loss of a run's outputs over steps [from, to). */
  public double loss(Frame outputs, int from, int to) {
    double s = 0;
    int n = 0;
    for (int k = 0; k < obs.length; k++) {
      double[] y = outputs.values(variables.get(k));
      for (int t = from; t < to; t++) {
        if (!Double.isNaN(obs[k][t])) {
          double d = y[t] - obs[k][t];
          s += weight[k] * d * d;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Gradient of {@link #loss} over [from, to) through the run's adjoint. */
  public ParameterGradient gradient(ModelRun run, int from, int to) {
    adjointRuns++;
    return run.vjp(seed(run.outputs(), from, to));
  }

  /** The adjoint seed of {@link #loss} over [from, to). */
  private double[][] seed(Frame out, int from, int to) {
    double[][] seed = new double[out.size()][variables.size()];
    int n = 0;
    for (int k = 0; k < obs.length; k++) {
      for (int t = from; t < to; t++) {
        if (!Double.isNaN(obs[k][t])) {
          n++;
        }
      }
    }
    for (int k = 0; k < obs.length; k++) {
      double[] y = out.values(variables.get(k));
      for (int t = from; t < to; t++) {
        if (!Double.isNaN(obs[k][t])) {
          seed[t][k] = 2 * weight[k] * (y[t] - obs[k][t]) / n;
        }
      }
    }
    return seed;
  }

  /**
   * This objective as the {@link Misfit} of an {@link AdjointNetwork}: training loss over
   * [0, trainEnd), validation loss over [trainEnd, validationEnd) (NaN if empty).
   */
  public Misfit misfit(int trainEnd, int validationEnd) {
    return new Misfit() {
      @Override
      public List<String> variables() {
        return variables;
      }

      @Override
      public boolean validates() {
        return validationEnd > trainEnd;
      }

      @Override
      public Evaluation evaluate(Frame outputs) {
        return new Evaluation(loss(outputs, 0, trainEnd), loss(outputs, trainEnd, validationEnd),
            seed(outputs, 0, trainEnd));
      }
    };
  }

  /** Adds runs an {@link AdjointNetwork} made on this objective's behalf to its counts. */
  void count(long forward, long adjoint) {
    forwardRuns += forward;
    adjointRuns += adjoint;
  }

  /** The mechanism. */
  MechanismModel mechanism() {
    return mechanism;
  }

  /** The request {@link #run} makes, with the given constants and no series. */
  ModelInput input(Map<String, Double> constants) {
    return new ModelInput(forcing, constants, Map.of(), variables, initialObservations);
  }
}
