package org.cml4j.cascade;

import java.util.List;
import org.cml4j.cascade.preprocessing.LearnedInitCoupling;
import org.cml4j.cascade.intermediate.IntermediateVariableCoupling;
import org.cml4j.cascade.postprocessing.DownscalingCoupling;
import org.cml4j.cascade.postprocessing.EnsembleCoupling;
import org.cml4j.cascade.postprocessing.ErrorCorrectionCoupling;
import org.cml4j.cascade.preprocessing.GapFillCoupling;
import org.cml4j.cascade.CascadeCoupling;
import org.cml4j.cascade.preprocessing.TransferCoupling;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingPlugin;

/**
 * The cascade paradigm of Shen et al. (2023): one model feeds the other. Mode 1 (preprocessing and
 * initialisation): {@code cascade.gap-fill}, {@code cascade.learned-init},
 * {@code cascade.transfer};
 * mode 2 (intermediate-variable passing): {@code cascade.intermediate-variables}; mode 3
 * (post-processing): {@code cascade.error-correction}, {@code cascade.downscaling},
 * {@code cascade.ensemble}. See {@code docs/modes/cascade.md}.
 */
public final class CascadePlugin implements CouplingPlugin {
  @Override
  public String name() {
    return CascadeCoupling.PLUGIN;
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(
        CouplingFactory.of(GapFillCoupling.INFO, GapFillCoupling::new),
        CouplingFactory.of(LearnedInitCoupling.INFO, LearnedInitCoupling::new),
        CouplingFactory.of(TransferCoupling.INFO, TransferCoupling::new),
        CouplingFactory.of(IntermediateVariableCoupling.INFO, IntermediateVariableCoupling::new),
        CouplingFactory.of(ErrorCorrectionCoupling.INFO, ErrorCorrectionCoupling::new),
        CouplingFactory.of(DownscalingCoupling.INFO, DownscalingCoupling.Settings.standard(),
            (d, s) -> new DownscalingCoupling(d, s.factor())),
        CouplingFactory.of(EnsembleCoupling.INFO, EnsembleCoupling::new));
  }
}
