package org.cml4j.embed;

import java.util.List;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.embed.assimilation.AnalysisEmulatorCoupling;
import org.cml4j.embed.assimilation.EnkfCoupling;
import org.cml4j.embed.assimilation.ModelErrorCoupling;
import org.cml4j.embed.solving.AmortisedInverseCoupling;
import org.cml4j.embed.solving.GradientInversionCoupling;
import org.cml4j.embed.solving.LearnedParameterCoupling;
import org.cml4j.embed.solving.SurrogateInversionCoupling;
import org.cml4j.embed.substitution.ColumnEmulatorCoupling;
import org.cml4j.embed.substitution.EnhancerCoupling;
import org.cml4j.embed.substitution.SurfaceEmulatorCoupling;

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
    return "cml4j-embed";
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(
        CouplingFactory.of(SurfaceEmulatorCoupling.NAME, CouplingMode.MODEL_SUBSTITUTION,
            "MLP emulator of the surface energy-balance update in the column time loop",
            SurfaceEmulatorCoupling::new),
        CouplingFactory.of(ColumnEmulatorCoupling.NAME, CouplingMode.MODEL_SUBSTITUTION,
            "MLP emulator of the whole hourly column step, trained on a 1 mm / 1 min reference",
            ColumnEmulatorCoupling::new),
        CouplingFactory.of(EnhancerCoupling.NAME, CouplingMode.MODEL_SUBSTITUTION,
            "coarse column with learned lambda/C/hbeta series from high-resolution"
                + " pseudo-observations", EnhancerCoupling::new),
        CouplingFactory.of(EnkfCoupling.NAME, CouplingMode.MODEL_ADJUSTMENT,
            "ensemble Kalman filter with parameter augmentation, localization, inflation",
            EnkfCoupling::new),
        CouplingFactory.of(ModelErrorCoupling.NAME, CouplingMode.MODEL_ADJUSTMENT,
            "EnKF increments train a network that corrects the forecast step",
            ModelErrorCoupling::new),
        CouplingFactory.of(AnalysisEmulatorCoupling.NAME, CouplingMode.MODEL_ADJUSTMENT,
            "network emulating the EnKF analysis in a single deterministic run",
            AnalysisEmulatorCoupling::new),
        CouplingFactory.of(GradientInversionCoupling.NAME, CouplingMode.MODEL_SOLVING,
            "adjoint-gradient (Adam) inversion of the physics parameters, the paper",
            GradientInversionCoupling::new),
        CouplingFactory.of(SurrogateInversionCoupling.NAME, CouplingMode.MODEL_SOLVING,
            "inversion on a learned forward surrogate, verified by the physics with fallback",
            SurrogateInversionCoupling::new),
        CouplingFactory.of(AmortisedInverseCoupling.NAME, CouplingMode.MODEL_SOLVING,
            "one-pass learned inverse (observations to parameters) refined by the physics",
            AmortisedInverseCoupling::new),
        CouplingFactory.of(LearnedParameterCoupling.NAME, CouplingMode.MODEL_SOLVING,
            "network for hbeta(t) trained end to end through the physics adjoint",
            LearnedParameterCoupling::new));
  }
}
