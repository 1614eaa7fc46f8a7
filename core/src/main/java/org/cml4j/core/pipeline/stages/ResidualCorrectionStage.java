package org.cml4j.core.pipeline.stages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.pipeline.AbstractStage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * Ready-made stage "learned correction of named residuals" (post-processing, mode 3): for each
 * target {@code v} with an upstream base variable {@code b} (e.g. {@code v_physics}), a network
 * learns the residual {@code observed v - b} from the feature variables, and the stage publishes
 * {@code v = b + learned residual} over the whole axis.
 *
 * <p>One MLP for all targets, from the features of {@link StageLearning} (the named variables,
 * time of day, trailing means), trained on the task's training period with early stopping on its
 * validation period, seeded from the task (see {@link StageLearning#spec}). A target with fewer
 * than 12 training observations publishes its base unchanged; a target whose corrected validation
 * RMSE is not lower than the base's also keeps the base, so the correction never knowingly makes
 * things worse. Both cases are named in the diagnostics ({@code validationRmse.base.<v>},
 * {@code validationRmse.corrected.<v>}, notes).
 */
public final class ResidualCorrectionStage extends AbstractStage {
  private final Map<String, VariableSpec> bases;
  private final List<VariableSpec> features;
  private final LearnerSpec spec;

  /**
   * @param name stage name
   * @param bases target name to the upstream variable it corrects (same unit)
   * @param features pipeline variables the network reads
   * @param spec network settings, or null for the defaults of {@link StageLearning#spec}; the
   *     seed is always the task's
   */
  public ResidualCorrectionStage(String name, Map<String, VariableSpec> bases,
      List<VariableSpec> features, LearnerSpec spec) {
    super(name, union(features, bases.values()), bases.entrySet().stream()
        .map(e -> new VariableSpec(e.getKey(), e.getValue().unit())).toList());
    if (bases.isEmpty() || features.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' needs at least one target to"
          + " correct and one feature; got " + bases.keySet() + " and " + features);
    }
    this.bases = new LinkedHashMap<>(bases);
    this.features = List.copyOf(features);
    this.spec = spec;
  }

  /**
   * Stage {@code "correction"} after a calibrated-physics stage: corrects each of its variables
   * {@code v} (published upstream as {@code v_physics}) from the physics' forcing and outputs.
   */
  public static ResidualCorrectionStage after(CalibratedPhysicsStage physics) {
    Map<String, VariableSpec> b = new LinkedHashMap<>();
    List<VariableSpec> outs = physics.outputs();
    for (int k = 0; k < outs.size(); k++) {
      b.put(physics.variables().get(k), outs.get(k));
    }
    List<VariableSpec> f = new ArrayList<>(physics.inputs());
    f.addAll(outs);
    return new ResidualCorrectionStage("correction", b, f, null);
  }

  private static List<VariableSpec> union(List<VariableSpec> a, Collection<VariableSpec> b) {
    LinkedHashSet<VariableSpec> in = new LinkedHashSet<>(a);
    in.addAll(b);
    return List.copyOf(in);
  }

  /** The same stage under another name. */
  public ResidualCorrectionStage named(String otherName) {
    return new ResidualCorrectionStage(otherName, bases, features, spec);
  }

  /** The same stage reading other features. */
  public ResidualCorrectionStage withFeatures(List<VariableSpec> other) {
    return new ResidualCorrectionStage(name(), bases, other, spec);
  }

  /** The same stage with other network settings (the seed stays the task's). */
  public ResidualCorrectionStage withLearner(LearnerSpec other) {
    return new ResidualCorrectionStage(name(), bases, features, other);
  }




  @Override
  public StageResult run(CouplingTask task, Frame available) {
    List<String> learned = bases.keySet().stream().filter(v -> StageLearning.learnable(task, v))
        .toList();
    for (String v : learned) {
      StageLearning.checkUnit(name(), task, v, bases.get(v).unit());
    }
    Diagnostics.Builder d = Diagnostics.builder();
    Frame out = available.select(List.of());
    double[][] corr = null;
    StageLearning.Fitted fit = null;
    if (!learned.isEmpty()) {
      double[][] x = StageLearning.features(name(), available, features);
      int n = x.length;
      double[][] y = new double[n][learned.size()];
      for (int k = 0; k < learned.size(); k++) {
        String v = learned.get(k);
        double[] o = task.observations().values(v);
        double[] b = available.values(bases.get(v));
        for (int i = 0; i < n; i++) {
          y[i][k] = o[i] - b[i];
        }
      }
      fit = StageLearning.fit(StageLearning.spec(spec, task), x, y, task.split());
      corr = fit.learner().predict(x);
      d.scalar("epochs", fit.report().epochs()).scalar("bestEpoch", fit.report().bestEpoch())
          .curve("trainLoss", fit.report().trainLoss())
          .curve("validationLoss", fit.report().valLoss());
    }
    for (var e : bases.entrySet()) {
      String v = e.getKey();
      double[] b = available.values(e.getValue());
      int k = learned.indexOf(v);
      double[] result = b;
      if (k < 0) {
        d.note(v + ": fewer than " + StageLearning.MIN_TRAINING_OBS + " training observations,"
            + " " + e.getValue().name() + " kept");
      } else {
        double[] c = StageLearning.column(corr, k);
        for (int i = 0; i < c.length; i++) {
          c[i] += b[i];
        }
        double[] o = task.observations().values(v);
        double rb = Metrics.rmse(o, b, fit.valFrom(), fit.valTo());
        double rc = Metrics.rmse(o, c, fit.valFrom(), fit.valTo());
        d.scalar("validationRmse.base." + v, rb).scalar("validationRmse.corrected." + v, rc);
        if (Double.isNaN(rb) || Double.isNaN(rc) || rc < rb) {
          result = c;
        } else {
          d.note(v + ": the correction did not lower the validation RMSE (" + rc + " vs " + rb
              + "); " + e.getValue().name() + " kept");
        }
      }
      out = out.with(new VariableSpec(v, e.getValue().unit()), result);
    }
    return new StageResult(out, Map.of(), d.build());
  }
}
