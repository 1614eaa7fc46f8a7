package org.cml4j.core.toy;

import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.Requirement;

/**
 * A third-party plugin, as a plugin author would write it (registered in the test resources'
 * META-INF/services): one coupling that calibrates a mechanism through the SPI and predicts.
 */
public final class ToyPlugin implements CouplingPlugin {
  @Override
  public String name() {
    return "toy-plugin";
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(CouplingFactory.of("thirdparty.calibrate", CouplingMode.MODEL_SOLVING,
        "calibrates any differentiable mechanism by LM and predicts", Calibrate::new));
  }

  /** The coupling. */
  public static final class Calibrate implements Coupling {
    private final CouplingDefaults defaults;

    Calibrate(CouplingDefaults defaults) {
      this.defaults = defaults;
    }

    public CouplingDefaults defaults() {
      return defaults;
    }

    @Override
    public String name() {
      return "thirdparty.calibrate";
    }

    @Override
    public CouplingMode mode() {
      return CouplingMode.MODEL_SOLVING;
    }

    @Override
    public String description() {
      return "LM calibration through the SPI";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.requiring(Requirement.DIFFERENTIABLE_MECHANISM,
          Requirement.SIMULATED_TARGETS, Requirement.OBSERVED_TARGETS).estimatingParameters();
    }

    @Override
    public CouplingSolution solve(CouplingTask t) {
      long t0 = System.nanoTime();
      Calibration c = new MechanismCalibrator(defaults.optimizer()).calibrate(
          new MechanismCalibrator.Problem(t.mechanism(), t.forcing(), t.observations(),
              t.targets(), 0, t.split().trainEnd(), t.fitParameters(), t.knownParameters(),
              Map.of(), t.seed()));
      return new CouplingSolution(name(), c.run().outputs(), c.fitted(),
          Diagnostics.builder().scalar("evaluations", c.evaluations()).build(),
          (System.nanoTime() - t0) * 1e-9, 0,
          RunProvenance.of(name(), "toy-plugin", Map.of(), t.seed(), t.fingerprint()));
    }
  }
}
