package org.cml4j.testbeds.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cml4j.core.spi.Budget;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class TaskCatalogTest {

  @Test
  void tinySuiteWithoutDataHasTheTwinTasksAndSaysWhatWasSkipped() {
    TaskCatalog c = TaskCatalog.tiny(null, 7);
    assertThat(c.ids()).containsExactly("twin", "twin-extrap", "twin-n1", "twin-n3");
    assertThat(c.skipped()).containsOnlyKeys("huang2025-2depth");
    assertThat(c.task("twin").task().budget()).isEqualTo(Budget.tiny());
    assertThat(c.task("twin").task().split().size()).isEqualTo(5 * 24);
    assertThat(c.task("twin").task().seed()).isEqualTo(7);
    assertThatThrownBy(() -> c.task("twin-n99")).hasMessageContaining("unknown task 'twin-n99'")
        .hasMessageContaining("twin, twin-extrap, twin-n1, twin-n3");
    assertThatThrownBy(() -> c.task("huang2025-2depth")).hasMessageContaining("was skipped")
        .hasMessageContaining("no data folder");
    assertThat(c.versionedIds()).contains("twin@twin-1");
    assertThat(c.select(List.of("twin-n3", "twin")).ids()).containsExactly("twin-n3", "twin");
    assertThat(c.family(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY)).hasSize(2);
  }

  @Test
  void missingDataFolderIsSkippedWithItsPath(@org.junit.jupiter.api.io.TempDir Path empty) {
    TaskCatalog c = TaskCatalog.quick(empty, 1);
    assertThat(c.skipped()).containsOnlyKeys("huang2025-2depth", "huang2025-1depth",
        "bondville-1998", "phoenix-2012");
    assertThat(c.skipped().get("phoenix-2012")).contains("US-WestPhoenix_clean_observations_v1.nc")
        .contains("not found");
  }

  @Test
  void quickSuiteHasAllFamilies() {
    TaskCatalog c = TaskCatalog.quick(SharedData.dir(), 42);
    assertThat(c.ids()).containsExactly("twin", "twin-extrap", "twin-n1", "twin-n3", "twin-n7",
        "twin-n14", "huang2025-2depth", "huang2025-1depth", "bondville-1998", "phoenix-2012");
    assertThat(c.skipped()).isEmpty();
    assertThat(c.tasks()).allMatch(t -> t.task().budget().equals(Budget.quick()))
        .allMatch(t -> !t.version().equals("unversioned")).allMatch(t -> !t.description()
            .isBlank());
    assertThat(c.published("huang2025-2depth")).isPresent();
    assertThat(c.published("phoenix-2012")).isPresent();
    assertThat(c.published("twin")).isEmpty();
    assertThat(c.family(TaskCatalog.FAMILY_PARAMETER_RECOVERY)).hasSize(2);
    assertThat(c.family(TaskCatalog.FAMILY_REAL_SITE)).hasSize(2);
  }

  @Test
  void fullSuiteHasALongerTestAndReplicatesComeFromDerivedSeeds() {
    TaskCatalog c = TaskCatalog.full(null, 42);
    assertThat(c.ids()).doesNotContain("twin-rep2");
    assertThat(c.task("twin").task().split().length(
        org.cml4j.core.vars.TimeSplit.Part.TEST)).isEqualTo(240);
    // replicate 1 is the seed itself; replicate 2 regenerates weather and noise
    assertThat(TaskCatalog.replicateSeed(42, 1)).isEqualTo(42);
    assertThat(TaskCatalog.replicateSeed(42, 2)).isEqualTo(TaskCatalog.replicateSeed(42, 2))
        .isNotEqualTo(42).isNotEqualTo(TaskCatalog.replicateSeed(42, 3));
    TaskCatalog r1 = TaskCatalog.of(TaskCatalog.Suite.TINY, null, 42, 1);
    TaskCatalog r2 = TaskCatalog.of(TaskCatalog.Suite.TINY, null, 42, 2);
    assertThat(r1.task("twin").task().fingerprint())
        .isEqualTo(TaskCatalog.tiny(null, 42).task("twin").task().fingerprint());
    assertThat(r2.task("twin").task().fingerprint())
        .isNotEqualTo(r1.task("twin").task().fingerprint());
    // the sizes of one replicate share their test period
    double[] a = r2.task("twin-n1").testTruth("SoilTemp_0.05");
    double[] b = r2.task("twin-n3").testTruth("SoilTemp_0.05");
    assertThat(a).containsExactly(b);
  }
}
