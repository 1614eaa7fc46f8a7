package org.cml4j.core.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * A sequence of {@link Stage}s exchanging named, unit-carrying variables (contract:
 * docs/PIPELINES.md). Before running, the wiring is checked: every stage input must be in the
 * task's forcing or auxiliary inputs or produced upstream with the same unit, no stage may
 * overwrite a variable that already exists, and stage names must be unique; every problem is
 * reported at once ({@link PipelineWiringException}). Stages then run in order on the same task,
 * each seeing only its declared inputs. Stages of different coupling modes can be chained; this is
 * what mode 10 (hybrid) builds on. As a coupling: {@link PipelineCoupling}.
 *
 * <pre>{@code
 * CalibratedPhysicsStage physics = CalibratedPhysicsStage.of(task.mechanism(), simulated);
 * Pipeline p = Pipeline.builder("physics+correction").stage(physics)
 *     .stage(ResidualCorrectionStage.after(physics)).build();
 * Pipeline.Run run = p.run(task);
 * }</pre>
 *
 * @param name pipeline name (used in wiring errors)
 * @param stages the stages in running order (copied)
 */
public record Pipeline(String name, List<Stage> stages) {

  /** Copies the stages; the wiring is checked when the pipeline runs (or by {@link #checkWiring}). */
  public Pipeline {
    stages = List.copyOf(stages);
  }

  /** A new builder. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** All variables the pipeline produces, in order. */
  public List<VariableSpec> produced() {
    return stages.stream().flatMap(s -> s.outputs().stream()).toList();
  }

  /** Wiring problems given the variables available at the start (empty list if none). */
  public List<String> wiringProblems(Collection<VariableSpec> available) {
    List<String> problems = new ArrayList<>();
    Map<String, VariableSpec> have = new LinkedHashMap<>();
    Map<String, String> producer = new LinkedHashMap<>();
    available.forEach(v -> {
      have.put(v.name(), v);
      producer.put(v.name(), "the task forcing");
    });
    Set<String> names = new HashSet<>();
    for (Stage s : stages) {
      if (!names.add(s.name())) {
        problems.add("two stages are named '" + s.name() + "'");
      }
      for (VariableSpec in : s.inputs()) {
        VariableSpec v = have.get(in.name());
        if (v == null) {
          problems.add("stage '" + s.name() + "' needs " + in + " but nothing upstream"
              + " produces it; available: " + have.keySet());
        } else if (!v.unit().equals(in.unit())) {
          problems.add("stage '" + s.name() + "' needs " + in + " but " + producer.get(in.name())
              + " gives it in " + v.unit());
        }
      }
      Set<String> own = new LinkedHashSet<>();
      for (VariableSpec out : s.outputs()) {
        if (!own.add(out.name())) {
          problems.add("stage '" + s.name() + "' declares output " + out.name() + " twice");
        } else if (have.containsKey(out.name())) {
          problems.add("stage '" + s.name() + "' would overwrite " + out.name() + " from "
              + producer.get(out.name()) + "; give it another name");
        }
      }
      for (VariableSpec out : s.outputs()) {
        have.put(out.name(), out);
        producer.put(out.name(), "stage '" + s.name() + "'");
      }
    }
    if (stages.isEmpty()) {
      problems.add("pipeline has no stages");
    }
    return problems;
  }

  /** Throws {@link PipelineWiringException} listing every problem. */
  public void checkWiring(Collection<VariableSpec> available) {
    List<String> p = wiringProblems(available);
    if (!p.isEmpty()) {
      throw new PipelineWiringException(name, p);
    }
  }

  /**
   * Runs every stage in order on a task (after checking the wiring against the task's forcing and
   * auxiliary inputs) and returns the pipeline frame with everything produced.
   */
  public Run run(CouplingTask task) {
    Frame frame = task.forcing().merge(task.auxiliary());
    checkWiring(frame.specs());
    Map<String, Double> params = new LinkedHashMap<>();
    Diagnostics.Builder diag = Diagnostics.builder();
    double capHit = Double.NaN;
    java.util.Set<String> calibrations = new java.util.LinkedHashSet<>();
    for (Stage s : stages) {
      long t0 = System.nanoTime();
      StageResult r = s.run(task, frame.select(s.inputs().stream().map(VariableSpec::name)
          .toList()));
      List<String> want = s.outputs().stream().map(VariableSpec::name).toList();
      if (!r.outputs().names().containsAll(want)) {
        throw new IllegalStateException("stage '" + s.name() + "' declared outputs " + want
            + " but produced " + r.outputs().names());
      }
      for (VariableSpec out : s.outputs()) {
        frame = frame.with(out, r.outputs().values(out));
      }
      params.putAll(r.parameters());
      if (r.calibration() != null) {
        calibrations.add(r.calibration());
      }
      diag.addAll(r.diagnostics(), s.name() + ".");
      // a stage's safety-cap hit is the pipeline's (Budget.TIME_CAP_HIT, unprefixed)
      Double cap = r.diagnostics().scalars().get(Budget.TIME_CAP_HIT);
      if (cap != null) {
        capHit = Double.isNaN(capHit) ? cap : Math.max(capHit, cap);
      }
      diag.scalar(s.name() + ".seconds", (System.nanoTime() - t0) * 1e-9);
    }
    if (!Double.isNaN(capHit)) {
      diag.scalar(Budget.TIME_CAP_HIT, capHit);
    }
    return new Run(frame, params, diag.build(), calibrations.isEmpty() ? null
        : String.join("; ", calibrations));
  }

  /**
   * Result of running a pipeline: the final frame (forcing, auxiliary inputs and every stage
   * output on the whole axis), fitted parameters of all stages, diagnostics (each stage's prefixed
   * with its name, plus {@code <stage>.seconds} of wall time) and the distinct calibration ids its
   * stages used ("; "-joined, null if none).
   */
  public record Run(Frame frame, Map<String, Double> parameters, Diagnostics diagnostics,
      String calibration) {}

  /** Builder. */
  public static final class Builder {
    private final String name;
    private final List<Stage> stages = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Appends a stage (runs after those added before it). */
    public Builder stage(Stage s) {
      stages.add(s);
      return this;
    }

    /** The pipeline; the wiring is checked when it runs (or by {@link #checkWiring}). */
    public Pipeline build() {
      return new Pipeline(name, stages);
    }
  }
}
