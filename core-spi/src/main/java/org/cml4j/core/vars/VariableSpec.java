package org.cml4j.core.vars;

import java.util.Objects;

/**
 * A named physical variable with its unit, the currency couplings and pipeline stages exchange.
 * Names follow the ALMA convention used by the land-surface community (SWdown, LWdown, Tair, Qh,
 * Qle, Qg, Rnet, LWup, SurfTemp, SoilTemp_&lt;depth m&gt;); see {@link Variables}.
 *
 * @param name variable name, e.g. {@code "SoilTemp_0.05"}
 * @param unit unit string in the compact form used throughout cml4j, e.g. {@code "K"},
 *     {@code "W m-2"}, {@code "1"} for dimensionless
 */
public record VariableSpec(String name, String unit) {
  public VariableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (name.isBlank()) {
      throw new IllegalArgumentException("variable name must not be blank");
    }
  }

  /** The standard spec for a known variable name (unit from {@link Variables#unitOf}). */
  public static VariableSpec of(String name) {
    return new VariableSpec(name, Variables.unitOf(name));
  }

  /** True if both name and unit agree. */
  public boolean compatibleWith(VariableSpec other) {
    return name.equals(other.name) && unit.equals(other.unit);
  }

  @Override
  public String toString() {
    return name + " [" + unit + "]";
  }
}
