package org.cml4j.cascade.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.cml4j.cascade.examples.Comparison;
import org.cml4j.cascade.examples.SiteExample;
import org.cml4j.cascade.intermediate.IntermediateVariableCoupling;
import org.cml4j.cascade.post.ErrorCorrectionCoupling;
import org.cml4j.cascade.qc.OutlierDetector;
import org.cml4j.cascade.qc.SpikeDetector;
import org.cml4j.lsm.testsupport.SharedData;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.data.SiteDataReaders;
import org.cml4j.lsm.tasks.RealSiteTasks;
import org.junit.jupiter.api.Test;

class RealSiteCascadeTest {
  @Test
  void onPhoenixIntermediatesSplitTheFluxesAndCorrectionFixesTheTemperatures() {
    var task = RealSiteTasks.phoenix(SharedData.dir(), 2012, Budget.tiny()).getKey();
    Comparison c = SiteExample.evaluate(task, List.of(IntermediateVariableCoupling.NAME,
        ErrorCorrectionCoupling.NAME));
    // measured (QUICK budget): Qh 30 vs 83 W m-2 (constant EF), Qle 16 vs 20; 2 cm soil
    // temperature 1.0 vs 1.5 K, LWup 6.4 vs 12.3 W m-2 over the paper's 50 validation hours
    String ef = "physics + constant EF";
    assertThat(c.rmse(IntermediateVariableCoupling.NAME, Variables.QH))
        .isLessThan(0.6 * c.rmse(ef, Variables.QH));
    assertThat(c.rmse(IntermediateVariableCoupling.NAME, Variables.QLE))
        .isLessThan(c.rmse(ef, Variables.QLE));
    for (String v : List.of("SoilTemp_0.02", Variables.LWUP)) {
      assertThat(c.rmse(ErrorCorrectionCoupling.NAME, v))
          .isLessThan(0.9 * c.rmse(PhysicsOnlyBaseline.NAME, v));
    }
  }

  @Test
  void bondvilleGroundHeatFluxHasAlmostNoSpikesAndBadRequestsNameTheFile() {
    var d = SiteDataReaders.read(SharedData.dir().resolve("bondville-us-bo1-1998")
        .resolve("forcing98_with_validation.dat"));
    double[] qg = d.variable(Variables.QG);
    // 17 468 half-hourly values in 1998: the double-differencing test flags 2 (a step change
    // on 30 June and one isolated value on 2 May); the record is clean
    int spikes = OutlierDetector.count(new SpikeDetector(5.5, 7 * 48, 25).flag(qg));
    assertThat(spikes).isBetween(1, 5);
    assertThatThrownBy(() -> SiteTasks.fromFile("x", SharedData.dir()
            .resolve("bondville-us-bo1-1998").resolve("forcing98_with_validation.dat"),
        Instant.parse("1998-10-01T06:00:00Z"), Instant.parse("1998-10-05T06:00:00Z"), 0.5, 0.2,
        List.of("LWup"), List.of("LWup"), java.util.Map.of(), Budget.tiny(), 1))
        .isInstanceOf(SiteDataException.class).hasMessageContaining("forcing98_with_validation.dat")
        .hasMessageContaining("LWup");
  }
}
