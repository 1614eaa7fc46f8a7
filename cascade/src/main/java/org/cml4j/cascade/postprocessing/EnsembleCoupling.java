package org.cml4j.cascade.postprocessing;

import org.cml4j.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.CascadeCoupling;
import org.cml4j.cascade.learning.CascadeFeatures;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.cascade.learning.Learning;
import org.cml4j.cascade.learning.Series;
import org.cml4j.cascade.learning.Targets;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Mode 3c, ensemble integration (post-processing): several physics configurations
 * ({@link PhysicsMember#standard}) are calibrated and run; their predictions are combined with
 * learned, time-dependent weights from a {@link GatedEnsemble} whose gate sees the forcing and the
 * time of day, trained on the training period with early stopping on validation. The
 * diagnostics compare, on the validation period, every member, the plain mean, the best member
 * and static learned weights (the same gate with a constant input). Simulated targets without
 * training observations borrow the weights of the most similar observed target ({@link #proxy});
 * targets the mechanism cannot simulate are not predicted. Cf. Krishnamurti et al.
 * (1999) superensembles; here with a neural gate (mixture of experts).
 */
public final class EnsembleCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.ensemble", CouplingMode.POST_PROCESSING,
      "physics configurations (all/day/night-calibrated, coarse grid) combined with learned"
      + " time-dependent weights");
  /** Registry name. */
  public static final String NAME = INFO.name();

  public EnsembleCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.requiring(Requirement.DIFFERENTIABLE_MECHANISM).predictingUnobserved(),
        defaults);
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    return simulatedAndObservedTarget(task);
  }

  /**
   * The observed target whose learned weights an unobserved simulated target borrows: the same
   * unit and, for soil temperatures, the nearest depth; -1 (plain mean) if none has its unit.
   */
  static int proxy(CouplingTask task, String target, List<String> observed) {
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int k = 0; k < observed.size(); k++) {
      String o = observed.get(k);
      if (!task.targetSpec(o).unit().equals(task.targetSpec(target).unit())) {
        continue;
      }
      double dist = Variables.isSoilTemperature(o) && Variables.isSoilTemperature(target)
          ? Math.abs(Variables.depthOf(o) - Variables.depthOf(target))
          : Variables.isSoilTemperature(o) != Variables.isSoilTemperature(target) ? 10 : 5;
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    return best;
  }

  /**
   * Everything the ensemble computes, for reports and tests.
   *
   * @param members member names
   * @param memberPredictions per member, its predictions of the targets (whole axis)
   * @param mean plain mean of the members
   * @param staticWeights combination with learned constant weights
   * @param gated combination with learned time-dependent weights (the coupling's prediction)
   * @param result the coupling's result
   */
  public record Analysis(List<String> members, Map<String, Frame> memberPredictions, Frame mean,
      Frame staticWeights, Frame gated, Result result) {}

  @Override
  protected Result run(CouplingTask task) {
    return analyse(task).result();
  }

  /** Calibrates the members, trains the gates and combines (no applicability check). */
  public Analysis analyse(CouplingTask task) {
    List<String> targets = Targets.simulatedAndObserved(task);
    List<String> simulated = Targets.simulated(task);
    List<String> unobserved = simulated.stream().filter(v -> !targets.contains(v)).toList();
    List<PhysicsMember> members = PhysicsMember.standard(task, defaults.optimizer());
    int n = task.split().size();
    int nk = targets.size();
    int nm = members.size();
    double[][][] y = new double[n][nk][nm];
    double[][][] yu = new double[n][unobserved.size()][nm];
    int evaluations = 0;
    List<String> ids = new ArrayList<>();
    for (int mi = 0; mi < nm; mi++) {
      Calibration c = members.get(mi).run().apply(task);
      ids.add(members.get(mi).name() + ": " + c.id());
      Frame p = c.simulate(simulated);
      evaluations += c.evaluations();
      for (int k = 0; k < nk; k++) {
        double[] v = p.values(targets.get(k));
        for (int t = 0; t < n; t++) {
          y[t][k][mi] = v[t];
        }
      }
      for (int k = 0; k < unobserved.size(); k++) {
        double[] v = p.values(unobserved.get(k));
        for (int t = 0; t < n; t++) {
          yu[t][k][mi] = v[t];
        }
      }
    }
    Frame forcing = CalibrationProblem.fillForcingGaps(task.mechanism(), task.forcing());
    double[][] x = new FeatureTable(forcing).with(CascadeFeatures::forcing)
        .with(CascadeFeatures::diurnal).matrix();
    double[][] obs = task.observations().matrix(targets);
    Learning.Periods s = Learning.periods(task, targets);
    int[] train = range(0, s.trainEnd());
    int[] val = range(s.valFrom(), s.valTo());
    int steps = task.budget().scale(300, 800, 2000);
    LearnerSpec spec = LearnerSpec.mlp(16).withEpochs(steps).withPatience(60)
        .withSeed(task.seed());
    GatedEnsemble gated = GatedEnsemble.train(spec, x, y, obs, train, val, 0.01);
    double[][] ones = new double[n][1];
    for (double[] r : ones) {
      r[0] = 1;
    }
    GatedEnsemble fixed = GatedEnsemble.train(spec, ones, y, obs, train, val, 0.01);
    long t0 = System.nanoTime();
    double[][] comb = gated.combine(x, y);
    double[][] stat = fixed.combine(ones, y);
    Diagnostics.Builder d = Diagnostics.builder().scalar("physicsEvaluations", evaluations)
        .scalar("members", nm).scalar("gateBestStep", gated.report().bestEpoch())
        .curve("gateTrainLoss", gated.report().trainLoss()).curve("gateValidationLoss",
            gated.report().valLoss());
    double[][][] w0 = fixed.weights(new double[][] {{1}});
    Frame pred = forcing.select(List.of());
    Frame meanFrame = pred;
    Frame staticFrame = pred;
    Map<String, Frame> memberFrames = new LinkedHashMap<>();
    for (PhysicsMember pm : members) {
      memberFrames.put(pm.name(), pred);
    }
    for (int k = 0; k < nk; k++) {
      String v = targets.get(k);
      double[] o = task.observations().values(v);
      double[] mean = new double[n];
      String best = null;
      double bestRmse = Double.POSITIVE_INFINITY;
      for (int mi = 0; mi < nm; mi++) {
        double[] mv = new double[n];
        for (int t = 0; t < n; t++) {
          mv[t] = y[t][k][mi];
          mean[t] += y[t][k][mi] / nm;
        }
        memberFrames.put(members.get(mi).name(), memberFrames.get(members.get(mi).name())
            .with(task.targetSpec(v), mv));
        double r = Metrics.rmse(o, mv, s.valFrom(), s.valTo());
        d.scalar("validationRmse.member." + members.get(mi).name() + "." + v, r);
        d.scalar("staticWeight." + members.get(mi).name() + "." + v, w0[0][k][mi]);
        if (r < bestRmse) {
          bestRmse = r;
          best = members.get(mi).name();
        }
      }
      double[] g = Series.columnOf(comb, k);
      d.scalar("validationRmse.mean." + v, Metrics.rmse(o, mean, s.valFrom(), s.valTo()))
          .scalar("validationRmse.bestMember." + v, bestRmse)
          .scalar("validationRmse.staticWeights." + v, Metrics.rmse(o, Series.columnOf(stat, k),
              s.valFrom(), s.valTo()))
          .scalar("validationRmse.gated." + v, Metrics.rmse(o, g, s.valFrom(), s.valTo()))
          .note(v + ": best member on validation is " + best);
      pred = pred.with(task.targetSpec(v), g);
      meanFrame = meanFrame.with(task.targetSpec(v), mean);
      staticFrame = staticFrame.with(task.targetSpec(v), Series.columnOf(stat, k));
    }
    double[][][] wg = gated.weights(x);
    for (int u = 0; u < unobserved.size(); u++) {
      String v = unobserved.get(u);
      int k = proxy(task, v, targets);
      double[] g = new double[n];
      double[] mean = new double[n];
      double[] st = new double[n];
      for (int t = 0; t < n; t++) {
        for (int mi = 0; mi < nm; mi++) {
          mean[t] += yu[t][u][mi] / nm;
          g[t] += (k < 0 ? 1.0 / nm : wg[t][k][mi]) * yu[t][u][mi];
          st[t] += (k < 0 ? 1.0 / nm : w0[0][k][mi]) * yu[t][u][mi];
        }
      }
      for (int mi = 0; mi < nm; mi++) {
        double[] mv = new double[n];
        for (int t = 0; t < n; t++) {
          mv[t] = yu[t][u][mi];
        }
        memberFrames.put(members.get(mi).name(), memberFrames.get(members.get(mi).name())
            .with(task.targetSpec(v), mv));
      }
      d.note(v + ": not observed in training; weights of " + (k < 0 ? "none (plain mean)"
          : targets.get(k)));
      pred = pred.with(task.targetSpec(v), g);
      meanFrame = meanFrame.with(task.targetSpec(v), mean);
      staticFrame = staticFrame.with(task.targetSpec(v), st);
    }
    double predictSeconds = (System.nanoTime() - t0) * 1e-9;
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("members", members.stream().map(PhysicsMember::name).toList().toString());
    cfg.put("gate", spec.toString());
    cfg.put("optimizer", defaults.optimizer().toString());
    cfg.put(Calibration.PROVENANCE_KEY, String.join("; ", ids));
    return new Analysis(members.stream().map(PhysicsMember::name).toList(), memberFrames,
        meanFrame, staticFrame, pred, new Result(pred, Map.of(), d.build(), cfg, predictSeconds));
  }

  private static int[] range(int a, int b) {
    int[] r = new int[b - a];
    for (int i = 0; i < r.length; i++) {
      r[i] = a + i;
    }
    return r;
  }
}
