package org.cml4j.embed.solving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;

/**
 * Gradient-based inversion of any differentiable {@link MechanismModel} through the coupling SPI,
 * as in Huang, Heaney &amp; van Reeuwijk (2025): the loss is the mean squared misfit over every
 * observed (variable, step) entry in [from, to) (each variable divided by its variance when units
 * differ), its gradient comes from one forward run and one discrete-adjoint sweep
 * ({@link ModelRun#vjp}), and Adam (Kingma and Ba 2015; PyTorch defaults) steps the physical
 * parameters with per-parameter learning rates, clamped to their bounds, until the largest relative
 * parameter change is below {@code paramTolPercent} and the relative loss change below
 * {@code lossTolPercent}, or {@code maxSteps}.
 */
public final class AdjointInversion {
  private final MechanismModel mechanism;
  private final Frame forcing;
  private final List<String> variables;
  private final double[][] obs;
  private final double[] weight;
  private final int from;
  private final int to;
  private final int count;
  private final Map<String, Double> initialObservations;
  private long forwardRuns;
  private long adjointRuns;

  /**
   * Adam settings.
   *
   * @param learningRates per fitted parameter (physical units per step)
   * @param maxSteps step budget
   * @param paramTolPercent stop threshold on the largest relative parameter change [%]
   * @param lossTolPercent stop threshold on the relative loss change [%]
   */
  public record Settings(Map<String, Double> learningRates, int maxSteps, double paramTolPercent,
      double lossTolPercent) {
    /** The paper's: Tb 1.0, C 1e5, eps 0.01, everything else 0.1; 151 steps, 0.1 %, 0.01 %. */
    public static Settings huang2025(List<String> fit) {
      Map<String, Double> lr = new LinkedHashMap<>();
      for (String p : fit) {
        lr.put(p, switch (p) {
          case "Tb" -> 1.0;
          case "C" -> 1e5;
          case "eps" -> 0.01;
          default -> 0.1;
        });
      }
      return new Settings(lr, 151, 0.1, 0.01);
    }

    public Settings withMaxSteps(int n) {
      return new Settings(learningRates, n, paramTolPercent, lossTolPercent);
    }
  }

  /**
   * Outcome of one inversion.
   *
   * @param fitted fitted parameters
   * @param loss final loss
   * @param steps Adam steps
   * @param converged whether the tolerance (not the budget) stopped it
   * @param lossCurve loss per step
   */
  public record Result(Map<String, Double> fitted, double loss, int steps, boolean converged,
      double[] lossCurve) {}

  /**
   * The inverse problem.
   *
   * @param mechanism differentiable model
   * @param forcing forcing frame over the run
   * @param observations observations (NaN = missing) on the same axis
   * @param variables observed variables to fit
   * @param from first step whose misfit counts
   * @param to end (exclusive)
   * @param initialObservations passed to the model's initial state
   */
  public AdjointInversion(MechanismModel mechanism, Frame forcing, Frame observations,
      List<String> variables, int from, int to, Map<String, Double> initialObservations) {
    if (!mechanism.differentiable()) {
      throw new IllegalArgumentException("mechanism " + mechanism.name() + " has no adjoint");
    }
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("adjoint inversion: no observed variable to fit");
    }
    this.mechanism = mechanism;
    this.forcing = forcing;
    this.variables = List.copyOf(variables);
    this.from = from;
    this.to = to;
    this.initialObservations = Map.copyOf(initialObservations);
    obs = new double[variables.size()][];
    weight = new double[variables.size()];
    boolean sameUnit = variables.stream().map(observations::spec)
        .map(s -> s.unit()).distinct().count() == 1;
    int c = 0;
    for (int k = 0; k < obs.length; k++) {
      String v = variables.get(k);
      if (!mechanism.canSimulate(v)) {
        throw new IllegalArgumentException("mechanism " + mechanism.name() + " cannot simulate "
            + v);
      }
      obs[k] = observations.values(v);
      SeriesObjective.Weight w = SeriesObjective.Weight.of(obs[k], v, from, to, sameUnit);
      weight[k] = w.value();
      c += w.count();
    }
    count = c;
  }

  /** Forward runs so far. */
  public long forwardRuns() {
    return forwardRuns;
  }

  /** Adjoint sweeps so far. */
  public long adjointRuns() {
    return adjointRuns;
  }

  /** Number of observed entries in the loss. */
  public int count() {
    return count;
  }

  /** Loss at the given parameters (one forward run). */
  public double loss(Map<String, Double> params) {
    forwardRuns++;
    return loss(mechanism.run(input(params)).outputs());
  }

  /** Model outputs of the fitted variables at the given parameters (one forward run). */
  public Frame simulate(Map<String, Double> params) {
    forwardRuns++;
    return mechanism.run(input(params)).outputs();
  }

  private ModelInput input(Map<String, Double> params) {
    return new ModelInput(forcing, params, Map.of(), variables, initialObservations);
  }

  private double loss(Frame out) {
    double s = 0;
    for (int k = 0; k < obs.length; k++) {
      double[] y = out.values(variables.get(k));
      for (int t = from; t < to; t++) {
        if (!Double.isNaN(obs[k][t])) {
          double d = y[t] - obs[k][t];
          s += weight[k] * d * d;
        }
      }
    }
    return s / count;
  }

  /** Loss and gradient with respect to {@code fit} (one forward run and one adjoint sweep). */
  public double lossAndGradient(Map<String, Double> params, List<String> fit, double[] grad) {
    forwardRuns++;
    adjointRuns++;
    ModelRun run = mechanism.run(input(params));
    Frame out = run.outputs();
    int steps = out.size();
    double[][] seed = new double[steps][variables.size()];
    for (int k = 0; k < obs.length; k++) {
      double[] y = out.values(variables.get(k));
      for (int t = from; t < to; t++) {
        if (!Double.isNaN(obs[k][t])) {
          seed[t][k] = 2 * weight[k] * (y[t] - obs[k][t]) / count;
        }
      }
    }
    ParameterGradient g = run.vjp(seed);
    for (int i = 0; i < fit.size(); i++) {
      grad[i] = g.constant().get(fit.get(i));
    }
    return loss(out);
  }

  /** Adam from {@code start} (all parameters; the {@code fit} ones are changed). */
  public Result fit(Map<String, Double> start, List<String> fit, Settings s) {
    int n = fit.size();
    List<ParameterInfo> infos = fit.stream().map(mechanism::parameter).toList();
    Map<String, Double> p = new LinkedHashMap<>(start);
    double[] g = new double[n];
    double[] lrs = new double[n];
    for (int i = 0; i < n; i++) {
      lrs[i] = s.learningRates().getOrDefault(fit.get(i), 0.1);
    }
    Adam adam = new Adam(Adam.Settings.pytorchDecimal(), lrs, false);
    double[] x = new double[n];
    double prev = Double.POSITIVE_INFINITY;
    List<Double> curve = new ArrayList<>();
    boolean converged = false;
    int step = 0;
    while (step < s.maxSteps()) {
      double loss = lossAndGradient(p, fit, g);
      curve.add(loss);
      double relLoss = Math.abs(prev - loss) / prev * 100;
      prev = loss;
      for (int i = 0; i < n; i++) {
        x[i] = p.get(fit.get(i));
      }
      adam.step(x, g);
      double maxRel = 0;
      for (int i = 0; i < n; i++) {
        double old = p.get(fit.get(i));
        double next = x[i];
        ParameterInfo pi = infos.get(i);
        double lo = pi.positive() ? Math.max(pi.lower(), 1e-6 * Math.abs(pi.nominal()))
            : pi.lower();
        next = Math.max(lo, Math.min(pi.upper(), next));
        maxRel = Math.max(maxRel, Math.abs(next - old) / Math.max(1e-12, Math.abs(old)) * 100);
        p.put(fit.get(i), next);
      }
      step++;
      if (maxRel <= s.paramTolPercent() && relLoss <= s.lossTolPercent()) {
        converged = true;
        break;
      }
    }
    double loss = loss(p);
    Map<String, Double> fitted = new LinkedHashMap<>();
    fit.forEach(f -> fitted.put(f, p.get(f)));
    return new Result(fitted, loss, step, converged,
        curve.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
