package org.cml4j.embed.solving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.TaskSupport;

/**
 * Mode 6 (model solving), the paper itself: the physics model's parameters are found by
 * gradient descent through its discrete adjoint — Adam with the learning rates and stopping rule
 * of Huang, Heaney &amp; van Reeuwijk (2025), from several seeded starts (the first is the task's
 * first guess), keeping the start with the lowest training loss. Works through the SPI for any
 * differentiable mechanism. Diagnostics: starts, losses, forward and adjoint runs, how many starts
 * reached the best loss within 1 %, the loss curve of the best start.
 */
public final class GradientInversionCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.gradient-inversion",
      CouplingMode.MODEL_SOLVING,
      "adjoint-gradient (Adam) inversion of the physics parameters, multi-start (the paper)");
  /** Registry name. */
  public static final String NAME = INFO.name();

  public GradientInversionCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.differentiableMechanism(), defaults, false, 2);
  }

  /**
   * Seeded starts: the first guess, then each fitted parameter perturbed (positive ones by a factor
   * exp(U(-0.7, 0.7)), others by U(-0.1, 0.1) of their range, at most 5 units).
   */
  public static List<Map<String, Double>> starts(CouplingTask task, List<String> fit, int n) {
    Map<String, Double> guess = CalibrationProblem.defaultGuess(task, task.observations());
    Random rnd = new Random(task.seed() * 31 + 7);
    List<Map<String, Double>> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      Map<String, Double> p = new LinkedHashMap<>(guess);
      if (s > 0) {
        for (String f : fit) {
          ParameterInfo pi = task.mechanism().parameter(f);
          double g = guess.get(f);
          double v = pi.positive() ? g * Math.exp(1.4 * (rnd.nextDouble() - 0.5))
              : g + Math.min(5, 0.2 * (pi.upper() - pi.lower())) * (rnd.nextDouble() - 0.5);
          p.put(f, Math.max(pi.lower(), Math.min(pi.upper(), v)));
        }
      }
      out.add(p);
    }
    return out;
  }

  @Override
  protected Result run(CouplingTask task) {
    long t0 = System.nanoTime();
    CalibrationProblem problem = CalibrationProblem.from(task);
    List<String> vars = problem.variables();
    List<String> fit = problem.fit();
    int nStarts = task.budget().scale(3, 8, 50);
    AdjointInversion.Settings settings = AdjointInversion.Settings.huang2025(fit)
        .withMaxSteps(task.budget().scale(151, 151, 300));
    List<Map<String, Double>> starts = starts(task, fit, nStarts);
    List<Outcome> outcomes = runStarts(task, vars, fit, settings, starts);
    Outcome best = outcomes.stream().min(Comparator.comparingDouble(o -> o.result.loss()))
        .orElseThrow();
    long t1 = System.nanoTime();
    Map<String, Double> params = new LinkedHashMap<>(starts.get(best.index));
    params.putAll(best.result.fitted());
    List<String> targets = TaskSupport.simulableTargets(task);
    Frame pred = TaskSupport.simulate(task, params, Map.of(), targets);
    long t2 = System.nanoTime();
    long fwd = outcomes.stream().mapToLong(o -> o.forward).sum();
    long adj = outcomes.stream().mapToLong(o -> o.adjoint).sum();
    long near = outcomes.stream().filter(o -> o.result.loss() <= 1.01 * best.result.loss())
        .count();
    Diagnostics.Builder d = Diagnostics.builder().scalar("starts", nStarts)
        .scalar("bestLoss", best.result.loss()).scalar("bestSteps", best.result.steps())
        .scalar("startsWithin1PercentOfBest", near).scalar("forwardRuns", fwd)
        .scalar("adjointRuns", adj).scalar("physicsEvaluations", fwd)
        .curve("lossPerStep", best.result.lossCurve())
        .note("Adam (paper settings) on " + vars + ", fitted " + fit);
    for (String t : targets) {
      if (task.observations().has(t) && task.split().validationEnd() > task.split().trainEnd()) {
        d.scalar("validationRmse_" + t, TaskSupport.rmse(pred.values(t),
            task.observations().values(t), task.split().trainEnd(), task.split().validationEnd()));
      }
    }
    return new Result(pred, best.result.fitted(), d.build(), TaskSupport.config("optimizer",
        "adam-huang2025", "starts", nStarts, "maxSteps", settings.maxSteps(), "fit", fit,
        "variables", vars), 0).timed((t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
  }

  private record Outcome(int index, AdjointInversion.Result result, long forward, long adjoint) {}

  private List<Outcome> runStarts(CouplingTask task, List<String> vars, List<String> fit,
      AdjointInversion.Settings settings, List<Map<String, Double>> starts) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(defaults.threads(),
        starts.size())));
    try {
      List<Future<Outcome>> fs = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        int idx = i;
        fs.add(pool.submit(() -> {
          AdjointInversion inv = new AdjointInversion(task.mechanism(), task.forcing(),
              task.observations(), vars, 0, task.split().trainEnd(), task.initialObservations());
          AdjointInversion.Result r = inv.fit(starts.get(idx), fit, settings);
          return new Outcome(idx, r, inv.forwardRuns(), inv.adjointRuns());
        }));
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : fs) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(NAME + " interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }
}
