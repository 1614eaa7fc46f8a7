package org.cml4j.testbeds.sites;

import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.testbeds.twin.StructuralTwin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cml4j.core.provenance.Provenance;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** {@link SiteTaskSpec} parsing and {@link SiteTaskBuilder#build} on the Bondville file. */
class SiteTaskBuilderTest {
  static final String BV = RealSiteTasks.BONDVILLE_FILE;

  private static SiteTaskSpec spec(String file, String window, String split, List<String> obs,
      List<String> pred, Map<String, String> fix) {
    return SiteTaskSpec.parse(file, window, split, obs, pred, fix);
  }

  @Test
  void parsesFractionsDatesIdAndFixes() {
    SiteTaskSpec s = spec("dir/bv.csv", "1998-10-01/1998-10-15", "0.5,0.15",
        List.of("SoilTemp_0.04"), null, Map.of("alpha", "0.2"));
    assertThat(s.id()).isEqualTo("site:bv:1998-10-01");
    assertThat(s.hours()).isEqualTo(336);
    assertThat(s.split().resolve(s.start().toInstant(), 336, "f"))
        .isEqualTo(new TimeSplit(168, 218, 336));
    assertThat(s.fix()).containsExactly(Map.entry("alpha", 0.2));
    SiteTaskSpec d = spec("bv.csv", "1998-10-01T00:00-06:00/1998-10-15T00:00-06:00",
        "1998-10-08T00:00-06:00,1998-10-09T00:00-06:00", List.of("SoilTemp_0.04"), List.of(),
        Map.of());
    assertThat(d.id()).isEqualTo("site:bv:1998-10-01T00:00-06:00");
    assertThat(d.split().resolve(d.start().toInstant(), 336, "f"))
        .isEqualTo(new TimeSplit(168, 192, 336));
    assertThat(SiteTaskSpec.fixPairs(List.of("alpha=0.2", "Tb = 290")))
        .containsExactly(Map.entry("alpha", "0.2"), Map.entry("Tb", "290"));
  }

  @Test
  void badSpecsNameTheKeyFileAndRange() {
    List<String> o = List.of("SoilTemp_0.04");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01", null, o, null, null))
        .hasMessageContaining("window '1998-10-01' of bv.csv").hasMessageContaining("START/END");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-15/1998-10-01", null, o, null, null))
        .hasMessageContaining("bv.csv").hasMessageContaining("is not after start");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/x", null, o, null, null))
        .hasMessageContaining("window of bv.csv: 'x' is not a time");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", "0.7,0.3", o, null, null))
        .hasMessageContaining("split '0.7,0.3' of bv.csv")
        .hasMessageContaining("train + validation < 1");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", "0.5", o, null, null))
        .hasMessageContaining("split '0.5' of bv.csv: write two values");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", "1998-10-10,1998-10-20",
        o, null, null)).hasMessageContaining("end of validation < end");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", null, o, null,
        Map.of("albedo", "0.2"))).hasMessageContaining("fix albedo: unknown parameter")
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", null, o, null,
        Map.of("lambda", "99"))).hasMessageContaining("fix lambda=99.0: outside the allowed"
        + " range [");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", null, o, null,
        Map.of("alpha", "high"))).hasMessageContaining("fix alpha=high").hasMessageContaining(
        "not a number");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", null, List.of(), null,
        null)).hasMessageContaining("at least one variable to observe");
    assertThatThrownBy(() -> spec("bv.csv", "1998-10-01/1998-10-15", null, o, o, null))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> SiteTaskSpec.fixPairs(List.of("alpha"))).hasMessageContaining(
        "write name=value");
    SiteTaskSpec s = spec("bv.csv", "1998-10-01/1998-10-01T12:00", "0.1,0.1", o, null, null);
    assertThatThrownBy(() -> s.split().resolve(s.start().toInstant(), 12, "bv.csv"))
        .hasMessageContaining("gives 1 training").hasMessageContaining("need at least 2");
  }

  @Test
  void buildsTheBondvilleWindowWithPredictedDepthsHidden() {
    Path f = SharedData.file(BV);
    SiteTaskSpec s = spec(f.toString(), "1998-10-01/1998-10-15", "0.5,0.15",
        List.of("SoilTemp_0.04", "SoilTemp_0.08"), List.of("SoilTemp_0.16", "SoilTemp_0.32"),
        Map.of("alpha", "0.2"));
    BenchTask b = SiteTaskBuilder.build(s, 7, Budget.tiny());
    CouplingTask t = b.task();
    assertThat(b.id()).isEqualTo("site:forcing98_with_validation:1998-10-01");
    assertThat(b.family()).isEqualTo(SiteTaskBuilder.FAMILY);
    assertThat(b.version()).isEqualTo("site-1");
    assertThat(t.split()).isEqualTo(new TimeSplit(168, 218, 336));
    assertThat(t.observed()).containsExactly("SoilTemp_0.04", "SoilTemp_0.08");
    assertThat(t.targets()).containsExactly("SoilTemp_0.04", "SoilTemp_0.08", "SoilTemp_0.16",
        "SoilTemp_0.32");
    assertThat(t.knownParameters()).containsEntry("alpha", 0.2).containsEntry("eps", 0.95);
    assertThat(t.fitParameters()).containsExactly("lambda", "C", "hbeta", "Tb");
    assertThat(t.tags()).contains(SiteTaskBuilder.INPUT_TAG + Provenance.sha256(f));
    assertThat(t.forcing().names()).containsExactly("SWdown", "LWdown", "Tair", "Rainf",
        "Wind");
    assertThat(t.observations().countValid("SoilTemp_0.04", 218, 336)).isZero();
    assertThat(b.truth().countValid("SoilTemp_0.32", 218, 336)).isGreaterThan(100);
    assertThat(t.seed()).isEqualTo(7);
  }

  @Test
  void unknownVariableAndUncoveredWindowNameTheFile() {
    Path f = SharedData.file(BV);
    assertThatThrownBy(() -> SiteTaskBuilder.build(spec(f.toString(), "1998-10-01/1998-10-15", null,
        List.of("SoilTemp_0.04"), List.of("Qair"), null), 1, Budget.tiny()))
        .hasMessageContaining(f.toString()).hasMessageContaining("Qair")
        .hasMessageContaining("available");
    assertThatThrownBy(() -> SiteTaskBuilder.build(spec(f.toString(), "1998-12-25/1999-01-08", null,
        List.of("SoilTemp_0.04"), null, null), 1, Budget.tiny()))
        .hasMessageContaining(f.toString());
    assertThatThrownBy(() -> SiteTaskBuilder.build(spec(f.toString(), "2005-01-01/2005-01-08", null,
        List.of("SoilTemp_0.04"), null, null), 1, Budget.tiny()))
        .hasMessageContaining(f.toString()).hasMessageContaining("no record in the window");
    assertThatThrownBy(() -> SiteTaskBuilder.build(spec(f.toString(), "1998-10-01/1998-10-15", null,
        List.of("Qh"), null, null), 1, Budget.tiny())).hasMessageContaining("no model output");
    assertThatThrownBy(() -> SiteTaskBuilder.build(spec("nope/missing.csv", "1998-10-01/1998-10-15",
        null, List.of("SoilTemp_0.04"), null, null), 1, Budget.tiny()))
        .hasMessageContaining("missing.csv").hasMessageContaining("file not found");
  }
}
