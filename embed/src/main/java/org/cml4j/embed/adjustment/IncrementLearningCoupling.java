package org.cml4j.embed.adjustment;

import java.util.List;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.EmbedCoupling;

/**
 * Common frame of the couplings that learn from a calibrated EnKF's analysis increments
 * ({@link AnalysisEmulatorCoupling}, {@link ModelErrorCoupling}): observed soil temperature, the
 * land-surface column, at least 48 training steps, and the filter of {@link IncrementLearning}
 * built from the coupling's {@link EnkfConfig} and {@link EnkfSetup} (without augmented
 * parameters).
 */
abstract class IncrementLearningCoupling extends EmbedCoupling {
  private final EnkfConfig config;
  private final EnkfSetup setup;

  IncrementLearningCoupling(CouplingInfo info, CouplingDefaults defaults, EnkfConfig config,
      EnkfSetup setup) {
    super(info, Capabilities.observedSoilTemperature(), defaults, true, 48);
    this.config = config;
    this.setup = setup.augmenting(List.of());
  }

  /** The column calibrated on the task's training period and its ensemble filter. */
  final IncrementLearning.CalibratedFilter calibratedFilter(CouplingTask task) {
    return IncrementLearning.calibratedFilter(task, setup, config, defaults.optimizer(), name());
  }
}
