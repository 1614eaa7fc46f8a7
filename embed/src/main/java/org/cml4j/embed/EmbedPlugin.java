package org.cml4j.embed;

import java.util.List;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.embed.adjustment.AnalysisEmulatorCoupling;
import org.cml4j.embed.adjustment.EnkfConfig;
import org.cml4j.embed.adjustment.EnkfSetup;
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
 * Documented in {@code docs/modes/embedding.md}. Couplings with settings declare them as records
 * (defaults and ranges in their Javadoc and in docs/EXPERIMENTS.md).
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
        CouplingFactory.of(ColumnEmulatorCoupling.INFO, ColumnEmulatorCoupling.Config.standard(),
            ColumnEmulatorCoupling::new),
        CouplingFactory.of(EnhancerCoupling.INFO, EnhancerCoupling::new),
        CouplingFactory.of(EnkfCoupling.INFO, EnkfCoupling.standardConfig(),
            (d, s) -> new EnkfCoupling(d, s, EnkfSetup.defaults())),
        CouplingFactory.of(ModelErrorCoupling.INFO, EnkfConfig.standard(),
            (d, s) -> new ModelErrorCoupling(d, s, EnkfSetup.defaults(), true)),
        CouplingFactory.of(AnalysisEmulatorCoupling.INFO, EnkfConfig.standard(),
            (d, s) -> new AnalysisEmulatorCoupling(d, s, EnkfSetup.defaults())),
        CouplingFactory.of(GradientInversionCoupling.INFO, GradientInversionCoupling::new),
        CouplingFactory.of(SurrogateInversionCoupling.INFO,
            SurrogateInversionCoupling.Settings.standard(),
            (d, s) -> new SurrogateInversionCoupling(d, s.tolerance(), s.compare())),
        CouplingFactory.of(AmortisedInverseCoupling.INFO,
            AmortisedInverseCoupling.Settings.standard(),
            (d, s) -> new AmortisedInverseCoupling(d, s.maxNoise())),
        CouplingFactory.of(LearnedParameterCoupling.INFO,
            LearnedParameterCoupling.Settings.standard(),
            (d, s) -> new LearnedParameterCoupling(d, s.learned())));
  }
}
