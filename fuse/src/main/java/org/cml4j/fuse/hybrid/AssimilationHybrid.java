package org.cml4j.fuse.hybrid;

import java.util.Set;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.pipeline.PipelineCoupling;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.Requirement;
import org.cml4j.fuse.FuseCouplings;

/**
 * Mode 10, a hybrid that crosses into embedding: data assimilation (an ensemble Kalman filter
 * around the mechanism, embedding) whose model-error term is a physics-constrained network
 * (fusion): stage {@code model-error} learns a bounded surface heat-flux correction through the
 * mechanism's adjoint ({@link ModelErrorStage}), stage {@code assimilation} runs the EnKF with the
 * corrected model ({@link AssimilationStage}). The parts are available alone: the EnKF without
 * the network, and the network-corrected model without assimilation.
 */
public final class AssimilationHybrid {
  /** Registry name. */
  public static final String NAME = "fusion.hybrid-assimilation";
  /** Identity of the registered hybrid. */
  public static final CouplingInfo INFO = FuseCouplings.identity(NAME,
      CouplingMode.HYBRID, "EnKF data assimilation with a physics-constrained model-error"
      + " network (surface flux learned through the adjoint)");
  /** Largest model-error flux [W m-2]. */
  public static final double MAX_CORRECTION = 60;

  private AssimilationHybrid() {}

  /** Which parts run. */
  public enum Parts { HYBRID, ASSIMILATION_ONLY, CORRECTION_ONLY }

  /** The registered coupling (both parts). */
  public static PipelineCoupling create(CouplingDefaults d) {
    return create(NAME, d, Parts.HYBRID);
  }

  /** A pipeline coupling with the given parts. */
  public static PipelineCoupling create(String name, CouplingDefaults d, Parts parts) {
    return new PipelineCoupling(INFO.variant(name, INFO.mode(), INFO.description()),
        new Capabilities(Set.of(Requirement.DIFFERENTIABLE_MECHANISM,
            Requirement.OBSERVED_SOIL_TEMPERATURE), true, true, 24), task -> {
              Pipeline.Builder b = Pipeline.builder(name);
              boolean corr = parts != Parts.ASSIMILATION_ONLY;
              if (corr) {
                b.stage(new ModelErrorStage("model-error", task.mechanism().forcing(),
                    d.optimizer(), MAX_CORRECTION));
              }
              return b.stage(new AssimilationStage("assimilation", task, d.optimizer(), corr,
                  parts != Parts.CORRECTION_ONLY)).build();
            });
  }
}
