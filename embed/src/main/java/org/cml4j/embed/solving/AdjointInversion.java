package org.cml4j.embed.solving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.MechanismModel;
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
  private final SeriesObjective objective;
  private final int from;
  private final int to;

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
    for (String v : variables) {
      if (!mechanism.canSimulate(v)) {
        throw new IllegalArgumentException("mechanism " + mechanism.name() + " cannot simulate "
            + v);
      }
    }
    this.objective = new SeriesObjective(mechanism, forcing, observations, variables,
        initialObservations, from, to);
    this.from = from;
    this.to = to;
  }

  /** Forward runs so far. */
  public long forwardRuns() {
    return objective.forwardRuns();
  }

  /** Adjoint sweeps so far. */
  public long adjointRuns() {
    return objective.adjointRuns();
  }

  /** Loss at the given parameters (one forward run). */
  public double loss(Map<String, Double> params) {
    return objective.loss(simulate(params), from, to);
  }

  /** Model outputs of the fitted variables at the given parameters (one forward run). */
  public Frame simulate(Map<String, Double> params) {
    return objective.run(params, Map.of()).outputs();
  }

  /** Loss and gradient with respect to {@code fit} (one forward run and one adjoint sweep). */
  public double lossAndGradient(Map<String, Double> params, List<String> fit, double[] grad) {
    ModelRun run = objective.run(params, Map.of());
    ParameterGradient g = objective.gradient(run, from, to);
    for (int i = 0; i < fit.size(); i++) {
      grad[i] = g.constant().get(fit.get(i));
    }
    return objective.loss(run.outputs(), from, to);
  }

  /** Adam from {@code start} (all parameters; the {@code fit} ones are changed). */
  public Result fit(Map<String, Double> start, List<String> fit, Settings s) {
    int n = fit.size();
    List<ParameterInfo> infos = fit.stream().map(objective.mechanism()::parameter).toList();
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
