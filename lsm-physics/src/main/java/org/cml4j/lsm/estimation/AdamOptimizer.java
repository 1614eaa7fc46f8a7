package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.cml4j.core.optim.Adam;

/**
 * Adam (Kingma &amp; Ba 2015; the core {@link Adam} update) on the physical coordinates with
 * per-coordinate learning rates and the stopping rule of Huang et al. (2025). Each step costs one
 * forward run and one adjoint sweep.
 * Coordinates are clamped into their physical ranges after each step (the paper did not clamp; no
 * start of the published experiment reaches a bound). {@link #fitAll} runs many starts in lockstep,
 * evaluating each step's gradients for all unfinished starts as one batch on the vectorised kernel;
 * every start follows exactly the iteration of {@link #fit}.
 */
public final class AdamOptimizer {
  private final AdamConfig config;

  public AdamOptimizer(AdamConfig config) {
    this.config = config;
  }

  public FitResult fit(Objective obj, double[] start) {
    long t0 = System.nanoTime();
    Run run = new Run(obj.space(), start);
    while (!run.done) {
      run.update(obj.valueAndGradient(run.theta));
    }
    double finalLoss = obj.value(run.theta);
    return run.result(finalLoss, (System.nanoTime() - t0) * 1e-9);
  }

  /**
   * Fits every start in lockstep: each round evaluates the loss gradient of all unfinished starts
   * in one batched run, then the final losses in one batched forward run. Results come back in start
   * order; {@code onDone} is told the number of finished starts as they finish. The wall time of a
   * start is its share of the batched runs it took part in (each run's time split equally over its
   * columns), so the per-start times add up to the total.
   */
  public List<FitResult> fitAll(BatchObjective batch, List<double[]> starts, IntConsumer onDone) {
    ParameterSpace space = batch.objective().space();
    List<Run> runs = new ArrayList<>();
    for (double[] s : starts) {
      runs.add(new Run(space, s));
    }
    double[] wall = new double[runs.size()];
    int finished = 0;
    while (finished < runs.size()) {
      long r0 = System.nanoTime();
      List<Run> active = new ArrayList<>();
      List<double[]> thetas = new ArrayList<>();
      for (Run r : runs) {
        if (!r.done) {
          active.add(r);
          thetas.add(r.theta);
        }
      }
      List<Objective.ValueGradient> vg = batch.valueAndGradient(thetas);
      for (int i = 0; i < active.size(); i++) {
        active.get(i).update(vg.get(i));
      }
      double share = (System.nanoTime() - r0) * 1e-9 / active.size();
      for (Run r : active) {
        wall[runs.indexOf(r)] += share;
        if (r.done) {
          onDone.accept(++finished);
        }
      }
    }
    long f0 = System.nanoTime();
    List<double[]> finals = new ArrayList<>();
    for (Run r : runs) {
      finals.add(r.theta);
    }
    double[] loss = batch.values(finals);
    double share = (System.nanoTime() - f0) * 1e-9 / Math.max(1, runs.size());
    List<FitResult> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      out.add(runs.get(i).result(loss[i], wall[i] + share));
    }
    return out;
  }

  /** The state of one start's iteration. */
  private final class Run {
    final ParameterSpace space;
    final double[] start;
    double[] theta;
    final Adam adam;
    double lossPrev = Double.POSITIVE_INFINITY;
    int step;
    boolean converged;
    boolean done;
    String reason = "step budget of " + config.maxSteps() + " reached";

    Run(ParameterSpace space, double[] start) {
      int n = space.dimension();
      if (config.learningRates().length != n) {
        throw new IllegalArgumentException("Adam: " + config.learningRates().length
            + " learning rates for " + n + " parameters");
      }
      this.space = space;
      this.start = start.clone();
      this.theta = space.clamp(start);
      this.adam = new Adam(config.settings(), config.learningRates(), false);
      this.done = config.maxSteps() <= 0;
    }

    /** One Adam step from the loss and gradient at {@link #theta}. */
    void update(Objective.ValueGradient vg) {
      int n = theta.length;
      double loss = vg.value();
      double relLoss = Math.abs(lossPrev - loss) / lossPrev * 100;
      lossPrev = loss;
      double[] next = theta.clone();
      adam.step(next, vg.gradient());
      next = space.clamp(next);
      double maxRel = 0;
      for (int i = 0; i < n; i++) {
        maxRel = Math.max(maxRel, Math.abs(next[i] - theta[i]) / Math.abs(theta[i]) * 100);
      }
      theta = next;
      step++;
      if (maxRel <= config.paramTolPercent() && relLoss <= config.lossTolPercent()) {
        converged = true;
        done = true;
        reason = String.format("parameter change %.3g %% and loss change %.3g %% below tolerance",
            maxRel, relLoss);
      } else if (step >= config.maxSteps()) {
        done = true;
      }
    }

    FitResult result(double finalLoss, double wallSeconds) {
      return new FitResult("adam", start.clone(), theta, space.named(theta), finalLoss, step, step,
          step + 1L, converged, reason, wallSeconds);
    }
  }
}
