package org.cml4j.core.toy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.Requirement;

/**
 * A third-party plugin, as a plugin author would write it (registered in the test resources'
 * META-INF/services): one coupling on the {@link AbstractCoupling} frame that calibrates a
 * mechanism through the SPI and predicts (the pattern of docs/WRITING_A_COUPLING.md).
 */
public final class ToyPlugin implements CouplingPlugin {
  /** Registry name of the coupling. */
  public static final String NAME = "thirdparty.calibrate";

  @Override
  public String name() {
    return "toy-plugin";
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(CouplingFactory.of(NAME, CouplingMode.MODEL_SOLVING,
        "calibrates any differentiable mechanism by LM and predicts", Calibrate::new));
  }

  /** The coupling. */
  public static final class Calibrate extends AbstractCoupling {
    private final CouplingDefaults defaults;

    Calibrate(CouplingDefaults defaults) {
      super("toy-plugin", NAME, CouplingMode.MODEL_SOLVING, "LM calibration through the SPI",
          Capabilities.requiring(Requirement.DIFFERENTIABLE_MECHANISM,
              Requirement.SIMULATED_TARGETS, Requirement.OBSERVED_TARGETS)
              .estimatingParameters());
      this.defaults = defaults;
    }

    public CouplingDefaults defaults() {
      return defaults;
    }

    @Override
    protected Applicability extraChecks(CouplingTask t) {
      return t.fitParameters().isEmpty() ? Applicability.no("nothing to fit") : Applicability.yes();
    }

    @Override
    protected Result run(CouplingTask t) {
      Calibration c = new MechanismCalibrator(defaults.optimizer()).calibrate(
          new CalibrationProblem(t.mechanism(), t.forcing(), t.observations(), t.targets(), 0,
              t.split().trainEnd(), t.fitParameters(), t.knownParameters(), Map.of(), t.seed()));
      return new Result(c.simulate(t.targets()), c.fitted(),
          Diagnostics.builder().scalar("evaluations", c.evaluations()).build(),
          Map.of("optimizer", defaults.optimizer().toString()), 0);
    }
  }
}
