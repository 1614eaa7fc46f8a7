package org.cml4j.embed;

import java.util.List;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.embed.adjustment.AnalysisEmulatorCoupling;
import org.cml4j.embed.adjustment.EnkfCoupling;
import org.cml4j.embed.adjustment.ModelErrorCoupling;
import org.cml4j.embed.solving.AmortisedInverseCoupling;
import org.cml4j.embed.solving.GradientInversionCoupling;
import org.cml4j.embed.solving.LearnedParameterCoupling;
import org.cml4j.embed.solving.SurrogateInversionCoupling;
import org.cml4j.embed.substitution.ColumnEmulatorCoupling;
import org.cml4j.embed.substitution.EnhancerCoupling;
import org.cml4j.embed.substitution.SurfaceEmulatorCoupling;
import org.cml4j.embed.EmbedCoupling;

/**
 * The embedding paradigm of Shen et al. (2023): learning inside the mechanism model. Modes 4
 * (model substitution: emulators and an enhancer), 5 (model adjustment: ensemble Kalman filter,
 * learned model error, emulated analysis) and 6 (model solving: adjoint inversion, surrogate-
 * assisted and amortised inversion, time-dependent parameters learned through the adjoint).
 * Documented in {@code docs/modes/embedding.md}.
 */
public final class EmbedPlugin implements CouplingPlugin {
  @Override
  public String name() {
    return EmbedCoupling.PLUGIN;
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(
        CouplingFactory.of(SurfaceEmulatorCoupling.INFO, SurfaceEmulatorCoupling::new),
        CouplingFactory.of(ColumnEmulatorCoupling.INFO, ColumnEmulatorCoupling::new),
        CouplingFactory.of(EnhancerCoupling.INFO, EnhancerCoupling::new),
        CouplingFactory.of(EnkfCoupling.INFO, EnkfCoupling::new),
        CouplingFactory.of(ModelErrorCoupling.INFO, ModelErrorCoupling::new),
        CouplingFactory.of(AnalysisEmulatorCoupling.INFO, AnalysisEmulatorCoupling::new),
        CouplingFactory.of(GradientInversionCoupling.INFO, GradientInversionCoupling::new),
        CouplingFactory.of(SurrogateInversionCoupling.INFO, SurrogateInversionCoupling::new),
        CouplingFactory.of(AmortisedInverseCoupling.INFO, AmortisedInverseCoupling::new),
        CouplingFactory.of(LearnedParameterCoupling.INFO, LearnedParameterCoupling::new));
  }
}
