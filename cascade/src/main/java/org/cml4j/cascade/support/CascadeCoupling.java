package org.cml4j.cascade.support;

import java.util.Map;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;

/**
 * Common frame of the cascade couplings: name, mode, description and capabilities; checks
 * applicability before any work (an inapplicable task fails with an
 * {@link IllegalArgumentException} giving the reason); times the fit; and packages the solution
 * with provenance.
 */
public abstract class CascadeCoupling implements Coupling {
  /** Plugin name used in provenance. */
  public static final String PLUGIN = "cml4j-cascade";
  private final String name;
  private final CouplingMode mode;
  private final String description;
  private final Capabilities capabilities;
  protected final CouplingDefaults defaults;

  protected CascadeCoupling(String name, CouplingMode mode, String description,
      Capabilities capabilities, CouplingDefaults defaults) {
    this.name = name;
    this.mode = mode;
    this.description = description;
    this.capabilities = capabilities;
    this.defaults = defaults;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final CouplingMode mode() {
    return mode;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  /** Checks beyond the capabilities (default: none). */
  protected Applicability extraChecks(CouplingTask task) {
    return Applicability.yes();
  }

  @Override
  public final Applicability applicability(CouplingTask task) {
    Applicability a = capabilities.check(task);
    return a.applicable() ? extraChecks(task) : a;
  }

  /** What {@link #run} returns: predictions, fitted parameters, diagnostics and configuration. */
  public record Result(Frame predictions, Map<String, Double> parameters,
      Diagnostics diagnostics, Map<String, String> config, double predictSeconds) {}

  /** The coupling's work on an applicable task. */
  protected abstract Result run(CouplingTask task);

  @Override
  public final CouplingSolution solve(CouplingTask task) {
    Applicability a = applicability(task);
    if (!a.applicable()) {
      throw new IllegalArgumentException(name + " cannot address task " + task.name() + ": "
          + a.reason());
    }
    long t0 = System.nanoTime();
    Result r = run(task);
    double total = (System.nanoTime() - t0) * 1e-9;
    return new CouplingSolution(name, r.predictions(), r.parameters(), r.diagnostics(),
        total - r.predictSeconds(), r.predictSeconds(),
        RunProvenance.of(name, PLUGIN, r.config(), task.seed(), task.fingerprint()));
  }
}
