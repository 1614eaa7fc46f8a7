package org.cml4j.cascade;

import java.util.List;
import org.cml4j.cascade.init.LearnedInitCoupling;
import org.cml4j.cascade.intermediate.IntermediateVariableCoupling;
import org.cml4j.cascade.post.DownscalingCoupling;
import org.cml4j.cascade.post.EnsembleCoupling;
import org.cml4j.cascade.post.ErrorCorrectionCoupling;
import org.cml4j.cascade.qc.GapFillCoupling;
import org.cml4j.cascade.transfer.TransferCoupling;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;
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
    return "cml4j-cascade";
  }

  @Override
  public List<CouplingFactory> couplings() {
    CouplingMode m1 = CouplingMode.PREPROCESSING_AND_INITIALISATION;
    CouplingMode m3 = CouplingMode.POST_PROCESSING;
    return List.of(
        CouplingFactory.of(GapFillCoupling.NAME, m1, "learned forcing gap filling + spike"
            + " removal, then calibrated physics", GapFillCoupling::new),
        CouplingFactory.of(LearnedInitCoupling.NAME, m1, "network trained on physics samples"
            + " seeds one LM start", LearnedInitCoupling::new),
        CouplingFactory.of(TransferCoupling.NAME, m1, "emulator pretrained on simulations,"
            + " fine-tuned on observations", TransferCoupling::new),
        CouplingFactory.of(IntermediateVariableCoupling.NAME,
            CouplingMode.INTERMEDIATE_VARIABLE_PASSING, "physics intermediates + forcing -> MLP"
                + " -> targets the physics cannot give (Qh, Qle)",
            IntermediateVariableCoupling::new),
        CouplingFactory.of(ErrorCorrectionCoupling.NAME, m3, "calibrated physics + learned error"
            + " correction", ErrorCorrectionCoupling::new),
        CouplingFactory.of(DownscalingCoupling.NAME, m3, "coarse-step physics refined to the"
            + " observation step", DownscalingCoupling::new),
        CouplingFactory.of(EnsembleCoupling.NAME, m3, "physics configurations combined with"
            + " learned time-dependent weights", EnsembleCoupling::new));
  }
}
