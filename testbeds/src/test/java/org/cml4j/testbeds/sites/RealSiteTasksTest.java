package org.cml4j.testbeds.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.lsm.testsupport.SharedData;
import org.cml4j.testbeds.tasks.BenchTask;
import org.junit.jupiter.api.Test;

class RealSiteTasksTest {

  @Test
  void bondvilleTrainsOnTheFirstHalfAndTestsOnTheSecond() {
    SharedData.file(RealSiteTasks.BONDVILLE_DIR + "/forcing98_with_validation.dat");
    BenchTask b = RealSiteTasks.bondville(SharedData.dir(), 42, Budget.quick());
    CouplingTask t = b.task();
    assertThat(t.split()).isEqualTo(new TimeSplit(144, 168, 336));
    assertThat(t.targets()).containsExactly("SoilTemp_0.02", "SoilTemp_0.04", "SoilTemp_0.08",
        "SoilTemp_0.16", "SoilTemp_0.32", "SoilTemp_0.64", "Qg", "Qh", "Qle");
    assertThat(t.observed()).contains("SurfTemp");
    assertThat(t.forcing().names()).containsExactly("SWdown", "LWdown", "Tair", "Rainf", "Wind");
    assertThat(b.version()).isEqualTo("bondville-1");
    for (String f : t.forcing().names()) {
      assertThat(t.forcing().values(f)).as(f).doesNotContain(Double.NaN);
    }
    for (String v : t.targets()) {
      assertThat(t.observations().countValid(v, 168, 336)).as(v).isZero();
      assertThat(b.truth().countValid(v, 168, 336)).as(v).isGreaterThan(150);
    }
    double[] t64 = b.testTruth("SoilTemp_0.64");
    assertThat(Arrays.stream(t64).filter(x -> !Double.isNaN(x)).average().orElseThrow())
        .isBetween(283.0, 293.0);
    assertThat(b.trueParameters()).isEmpty();
  }

  @Test
  void phoenixIsThePapersWindowWithAlbedoKnown() {
    SharedData.file(RealSiteTasks.PHOENIX_DIR + "/US-WestPhoenix_clean_observations_v1.nc");
    var e = RealSiteTasks.phoenix(SharedData.dir(), 42, Budget.quick());
    CouplingTask t = e.getKey().task();
    assertThat(t.split()).isEqualTo(new TimeSplit(125, 150, 200));
    assertThat(t.targets()).containsExactly("SoilTemp_0.02", "LWup", "Qh", "Qle");
    assertThat(t.knownParameters()).containsEntry("alpha", 0.172);
    assertThat(t.fitParameters()).containsExactly("lambda", "C", "hbeta", "Tb");
    // the file's specific humidity reaches the forcing (baseline.3km27 uses it, gaps filled)
    assertThat(t.forcing().names()).containsExactly("SWdown", "LWdown", "Tair", "Rainf", "Wind",
        "Qair");
    assertThat(Arrays.stream(t.forcing().values("Qair")).boxed().toList())
        .allSatisfy(q -> assertThat(q).isBetween(1e-4, 0.03));
    assertThat(e.getKey().version()).isEqualTo("phoenix-2");
    assertThat(e.getKey().testTruth("LWup")).hasSize(50);
    assertThat(e.getValue().median("hbeta")).isCloseTo(19.65,
        org.assertj.core.data.Offset.offset(0.1));
    assertThat(e.getValue().starts()).isEqualTo(50);
  }
}
