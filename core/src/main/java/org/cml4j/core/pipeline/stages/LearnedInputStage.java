package org.cml4j.core.pipeline.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.pipeline.AbstractStage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * Ready-made stage "learned input transform" (preprocessing, mode 1): a network maps named input
 * variables to variables the task observes (e.g. the IR skin temperature {@code SurfTemp}, or a
 * forcing variable measured on site) and publishes its predictions over the whole axis under new
 * names, as inputs for downstream stages: features of a {@link ResidualCorrectionStage}, or a
 * forcing of a {@link CalibratedPhysicsStage#readingForcing}.
 *
 * <p>One MLP for all outputs (features, periods and seed as in {@link StageLearning}); each
 * learned variable needs at least 12 training observations, otherwise the stage fails naming it.
 * The observed values themselves are never copied into the output: every step, observed or not,
 * is the network's prediction, so the training and test periods are treated alike.
 */
public final class LearnedInputStage extends AbstractStage {
  private final Map<String, VariableSpec> learnedAs;
  private final LearnerSpec spec;

  /**
   * @param name stage name
   * @param learnedAs observed variable name to the output spec it is published as (same unit)
   * @param features pipeline variables the network reads
   * @param spec network settings, or null for the defaults of {@link StageLearning#spec}
   */
  public LearnedInputStage(String name, Map<String, VariableSpec> learnedAs,
      List<VariableSpec> features, LearnerSpec spec) {
    super(name, features, List.copyOf(learnedAs.values()));
    if (learnedAs.isEmpty() || features.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' needs at least one variable to"
          + " learn and one feature; got " + learnedAs.keySet() + " and " + features);
    }
    this.learnedAs = new LinkedHashMap<>(learnedAs);
    this.spec = spec;
  }

  /**
   * Learns the observed standard variable {@code observed} from {@code features} and publishes
   * it as {@code <observed>_learned}.
   */
  public static LearnedInputStage of(String name, String observed, List<VariableSpec> features) {
    VariableSpec s = VariableSpec.of(observed);
    return new LearnedInputStage(name, Map.of(observed, new VariableSpec(observed + "_learned",
        s.unit())), features, null);
  }

  /** The same stage with other network settings (the seed stays the task's). */
  public LearnedInputStage withLearner(LearnerSpec other) {
    return new LearnedInputStage(name(), learnedAs, inputs(), other);
  }




  @Override
  public StageResult run(CouplingTask task, Frame available) {
    List<String> vars = List.copyOf(learnedAs.keySet());
    for (String v : vars) {
      if (!StageLearning.learnable(task, v)) {
        throw new IllegalArgumentException("stage '" + name() + "' cannot learn " + v + ": it needs"
            + " at least " + StageLearning.MIN_TRAINING_OBS + " observations in the training"
            + " period of task " + task.name() + " (observed: " + task.observed() + ")");
      }
      StageLearning.checkUnit(name(), task, v, learnedAs.get(v).unit());
    }
    double[][] x = StageLearning.features(name(), available, inputs());
    double[][] y = task.observations().matrix(vars);
    StageLearning.Fitted fit = StageLearning.fit(StageLearning.spec(spec, task), x, y,
        task.split());
    double[][] p = fit.learner().predict(x);
    Frame out = available.select(List.of());
    for (int k = 0; k < vars.size(); k++) {
      out = out.with(learnedAs.get(vars.get(k)), StageLearning.column(p, k));
    }
    return new StageResult(out, Map.of(), Diagnostics.builder()
        .scalar("epochs", fit.report().epochs()).scalar("bestEpoch", fit.report().bestEpoch())
        .curve("trainLoss", fit.report().trainLoss())
        .curve("validationLoss", fit.report().valLoss()).build());
  }
}
