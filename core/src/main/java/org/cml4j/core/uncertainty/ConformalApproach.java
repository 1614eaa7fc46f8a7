package org.cml4j.core.uncertainty;

import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;

/**
 * Any approach with a {@link SplitConformal} predictive distribution in place of its own (named
 * {@code <name>+conformal}); point predictions, parameters and diagnostics are the wrapped
 * approach's.
 */
public final class ConformalApproach implements Approach {
  private final Approach inner;

  public ConformalApproach(Approach inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name() + "+conformal";
  }

  @Override
  public String description() {
    return inner.description() + ", with split-conformal predictive intervals";
  }

  @Override
  public Capabilities capabilities() {
    return inner.capabilities().predictingDistribution();
  }

  @Override
  public Applicability applicability(CouplingTask task) {
    return inner.applicability(task);
  }

  @Override
  public String category() {
    return inner.category();
  }

  @Override
  public CouplingSolution solve(CouplingTask task) {
    return SplitConformal.wrap(task, inner.solve(task));
  }
}
