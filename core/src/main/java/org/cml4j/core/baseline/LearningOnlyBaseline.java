package org.cml4j.core.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * Baseline "learning only": the same network class the couplings use (an MLP from
 * {@link Learners}) maps forcing features ({@link ForcingFeatures}: forcing, time of day, running
 * means) to every target observed in training, with early stopping on the validation period and no
 * physics at all. Targets never observed (e.g. unobserved depths) cannot be predicted.
 */
public final class LearningOnlyBaseline extends AbstractBaseline {
  public static final String NAME = "baseline.learning-only";
  private final LearnerSpec spec;

  /** @param spec network settings (seed is replaced by the task's seed) */
  public LearningOnlyBaseline(LearnerSpec spec) {
    super(NAME, "learning only: MLP on forcing features, no physics", "baseline (learning)");
    this.spec = spec;
  }

  /** MLP 32-32, tanh. */
  public static LearningOnlyBaseline standard() {
    return new LearningOnlyBaseline(LearnerSpec.mlp(32, 32));
  }





  /** Targets with enough training observations. */
  public static List<String> learnableTargets(CouplingTask t) {
    List<String> out = new ArrayList<>();
    for (String v : t.targets()) {
      if (t.observations().has(v) && t.observations().countValid(v, 0, t.split().trainEnd())
          >= 12 && t.observations().countValid(v, t.split().trainEnd(),
          t.split().validationEnd()) >= 1) {
        out.add(v);
      }
    }
    return out;
  }

  @Override
  public Applicability applicability(CouplingTask t) {
    return learnableTargets(t).isEmpty() ? Applicability.no("no target has training and"
        + " validation observations") : Applicability.yes();
  }

  @Override
  public CouplingSolution solve(CouplingTask t) {
    List<String> targets = learnableTargets(t);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(NAME + ": no target of task " + t.name()
          + " has training and validation observations; targets " + t.targets()
          + ", observed " + t.observed());
    }
    long t0 = System.nanoTime();
    List<String> vars = t.mechanism().forcing().stream().map(VariableSpec::name).toList();
    double[][] x = ForcingFeatures.matrix(t.forcing(), vars);
    double[][] y = t.observations().matrix(targets);
    int a = t.split().trainEnd();
    int b = t.split().validationEnd();
    LearnerSpec s = spec.withSeed(t.seed()).withEpochs(t.budget().scale(60, 300, 1000));
    Learner net = Learners.create(s, x[0].length, targets.size());
    TrainingReport rep = net.fit(Arrays.copyOfRange(x, 0, a), Arrays.copyOfRange(y, 0, a),
        Arrays.copyOfRange(x, a, b), Arrays.copyOfRange(y, a, b));
    long t1 = System.nanoTime();
    double[][] p = net.predict(x);
    Frame pred = t.forcing().select(List.of());
    for (int j = 0; j < targets.size(); j++) {
      double[] col = new double[p.length];
      for (int i = 0; i < p.length; i++) {
        col[i] = p[i][j];
      }
      pred = pred.with(t.targetSpec(targets.get(j)), col);
    }
    long t2 = System.nanoTime();
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("learner", s.toString());
    cfg.put("features", ForcingFeatures.names(vars).toString());
    return new CouplingSolution(NAME, pred, Map.of(), Diagnostics.builder()
        .scalar("epochs", rep.epochs()).scalar("bestEpoch", rep.bestEpoch())
        .curve("trainLoss", rep.trainLoss()).curve("validationLoss", rep.valLoss()).build(),
        (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
        RunProvenance.of(NAME, "cml4j-core", cfg, t.seed(), t.fingerprint()));
  }
}
