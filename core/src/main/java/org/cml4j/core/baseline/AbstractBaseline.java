package org.cml4j.core.baseline;

import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Capabilities;

/**
 * The common frame of the baselines (approaches that are not couplings of the ten modes): name,
 * description and table category fixed at construction; no requirement beyond observed targets
 * ({@link Capabilities#requiring}), each baseline checking what it needs in
 * {@link #applicability}.
 */
public abstract class AbstractBaseline implements Approach {
  private final String name;
  private final String description;
  private final String category;

  /**
   * @param name registry name, e.g. {@code "baseline.1lin"}
   * @param description one-line description for {@code ./cml4j list}
   * @param category table label, e.g. {@code "baseline (empirical)"}
   */
  protected AbstractBaseline(String name, String description, String category) {
    this.name = name;
    this.description = description;
    this.category = category;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.requiring();
  }

  @Override
  public final String category() {
    return category;
  }
}
