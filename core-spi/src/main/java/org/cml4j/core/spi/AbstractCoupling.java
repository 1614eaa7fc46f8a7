package org.cml4j.core.spi;

import java.util.Map;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.vars.Frame;

/**
 * The common frame of a coupling (Shen et al. 2023 modes), for the built-in couplings and for
 * plugin authors: name, mode, description and capabilities fixed at construction; applicability
 * checked before any work (an inapplicable task fails with an {@link IllegalArgumentException}
 * {@code "<name> cannot address task <task>: <reason>"}); the run timed; and the
 * {@link CouplingSolution} packaged with {@link RunProvenance} naming the plugin. A subclass
 * implements {@link #run} and, if it needs more than its capabilities, {@link #extraChecks}.
 */
public abstract class AbstractCoupling implements Coupling {
  private final CouplingInfo info;
  private final Capabilities capabilities;

  /**
   * @param plugin plugin name recorded in the provenance (e.g. {@code "acme"})
   * @param name unique registry name, {@code <owner>.<what>}
   * @param mode coupling mode
   * @param description one-line description
   * @param capabilities requirements checked against every task, and what the coupling provides
   */
  protected AbstractCoupling(String plugin, String name, CouplingMode mode, String description,
      Capabilities capabilities) {
    this(new CouplingInfo(plugin, name, mode, description), capabilities);
  }

  /**
   * @param info the coupling's identity (the same its factory is built from)
   * @param capabilities requirements checked against every task, and what the coupling provides
   */
  protected AbstractCoupling(CouplingInfo info, Capabilities capabilities) {
    this.info = info;
    this.capabilities = capabilities;
  }

  /** Plugin name recorded in the provenance. */
  public final String plugin() {
    return info.plugin();
  }

  /** Plugin, name, mode and description. */
  public final CouplingInfo info() {
    return info;
  }

  @Override
  public final String name() {
    return info.name();
  }

  @Override
  public final CouplingMode mode() {
    return info.mode();
  }

  @Override
  public final String description() {
    return info.description();
  }

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  /** Checks beyond the capabilities, run only if those pass (default: none). */
  protected Applicability extraChecks(CouplingTask task) {
    return Applicability.yes();
  }

  /**
   * The capabilities' check, then {@link #extraChecks}. Override only when checks must run in
   * another order (e.g. before the capabilities); {@link #solve} always asks this method.
   */
  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = capabilities.check(task);
    return a.applicable() ? extraChecks(task) : a;
  }

  /**
   * What {@link #run} returns.
   *
   * @param predictions targets on the task's whole time axis
   * @param parameters fitted constant mechanism parameters (empty if none)
   * @param diagnostics diagnostics
   * @param config configuration key/values for the provenance
   * @param predictSeconds wall time of producing the predictions [s]
   * @param fitSeconds wall time of the fit [s] when the coupling measures it itself (e.g. to leave
   *     diagnostic-only runs out); NaN: the frame's measurement, the wall time of {@link #run}
   *     minus {@code predictSeconds}
   * @param predictive predictive distribution per target (empty if none; see
   *     {@link CouplingSolution#predictive()})
   */
  public record Result(Frame predictions, Map<String, Double> parameters,
      Diagnostics diagnostics, Map<String, String> config, double predictSeconds,
      double fitSeconds, Map<String, PredictiveDistribution> predictive) {
    public Result {
      predictive = predictive == null ? Map.of() : predictive;
    }

    /** A result without a predictive distribution. */
    public Result(Frame predictions, Map<String, Double> parameters, Diagnostics diagnostics,
        Map<String, String> config, double predictSeconds, double fitSeconds) {
      this(predictions, parameters, diagnostics, config, predictSeconds, fitSeconds, Map.of());
    }

    /** Same with predictive distributions per target. */
    public Result withPredictive(Map<String, PredictiveDistribution> p) {
      return new Result(predictions, parameters, diagnostics, config, predictSeconds, fitSeconds,
          p);
    }

    /** A result whose fit time the frame measures. */
    public Result(Frame predictions, Map<String, Double> parameters, Diagnostics diagnostics,
        Map<String, String> config, double predictSeconds) {
      this(predictions, parameters, diagnostics, config, predictSeconds, Double.NaN);
    }

    /** Same with the fit and prediction times [s] the coupling measured itself. */
    public Result timed(double fitSeconds, double predictSeconds) {
      return new Result(predictions, parameters, diagnostics, config, predictSeconds,
          fitSeconds, predictive);
    }

    /**
     * Same with the id ({@code Calibration#id()} in cml4j-core) of the calibrated physics the
     * coupling used in the config, under {@link RunProvenance#CALIBRATION_KEY}; unchanged if null.
     */
    public Result withCalibration(String calibrationId) {
      if (calibrationId == null) {
        return this;
      }
      Map<String, String> c = new java.util.LinkedHashMap<>(config);
      c.put(RunProvenance.CALIBRATION_KEY, calibrationId);
      return new Result(predictions, parameters, diagnostics, c, predictSeconds, fitSeconds,
          predictive);
    }
  }

  /** The coupling's work on an applicable task. */
  protected abstract Result run(CouplingTask task);

  @Override
  public final CouplingSolution solve(CouplingTask task) {
    Applicability a = applicability(task);
    if (!a.applicable()) {
      throw new IllegalArgumentException(name() + " cannot address task " + task.name() + ": "
          + a.reason());
    }
    long t0 = System.nanoTime();
    Result r = run(task);
    double total = (System.nanoTime() - t0) * 1e-9;
    double fit = Double.isNaN(r.fitSeconds()) ? total - r.predictSeconds() : r.fitSeconds();
    return new CouplingSolution(name(), r.predictions(), r.parameters(), r.diagnostics(), fit,
        r.predictSeconds(), RunProvenance.of(name(), plugin(), r.config(), task.seed(),
            task.fingerprint()), r.predictive(), null);
  }
}
