package org.cml4j.core.spi;

import java.util.List;
import java.util.Optional;
import org.cml4j.core.vars.VariableSpec;

/**
 * The physics ("mechanism") model as couplings see it: simulate, tangent/adjoint products, and a
 * parameter space with units and bounds. {@code lsm-physics} implements it for the soil heat
 * conduction + surface energy balance model; a plugin can bring another mechanism.
 */
public interface MechanismModel {
  /** Short name, e.g. {@code "lsm-heat-seb"}. */
  String name();

  /** Parameters with units and bounds. */
  List<ParameterInfo> parameters();

  /** Forcing variables the model needs. */
  List<VariableSpec> forcing();

  /** True if the model can produce the named output variable. */
  boolean canSimulate(String variable);

  /** True if {@link ModelRun#vjp} and {@link ModelRun#jacobian} are available. */
  default boolean differentiable() {
    return false;
  }

  /** Runs the model. */
  ModelRun run(ModelInput input);

  /** The parameter by name; throws listing the known names. */
  default ParameterInfo parameter(String name) {
    return parameters().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("mechanism " + name() + " has no"
            + " parameter '" + name + "'; known: " + parameters().stream()
            .map(ParameterInfo::name).toList()));
  }

  /** Access to the implementation for couplings that need more than the SPI (Trino-style). */
  default <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
