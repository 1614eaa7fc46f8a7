package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lockstep batched fit of a chunk of columns against the per-column Commons Math path, on the
 * synthetic region: same fitted values to 1e-6 relative, same standard errors and identifiability
 * flags, and a map that does not depend on the thread count.
 */
class BatchedColumnFitterTest {
  static final SyntheticRegion REGION = SyntheticRegion.of(40, 11);
  static final MapSettings SETTINGS = MapSettings.defaults().withChunkSize(20);
  static List<ColumnInput> columns;
  static List<ColumnFit> perColumn;
  static List<ColumnFit> batched;

  @TempDir
  Path tmp;

  @BeforeAll
  static void fitBothWays() {
    columns = new ArrayList<>();
    for (int i = 0; i < REGION.columns(); i++) {
      columns.add(new ColumnInput.Gridded(REGION.column(i, "synthetic")));
    }
    ColumnFitter fitter = new ColumnFitter(SETTINGS);
    perColumn = columns.stream().map(fitter::fit).toList();
    batched = new BatchedColumnFitter(fitter).fit(columns);
  }

  @Test
  void fittedValuesEqualThePerColumnPathToOnePartPerMillion() {
    double worst = 0;
    for (int c = 0; c < columns.size(); c++) {
      ColumnFit a = perColumn.get(c);
      ColumnFit b = batched.get(c);
      assertThat(a.ok()).as(a.id() + " " + a.reason()).isTrue();
      assertThat(b.ok()).as(b.id() + " " + b.reason()).isTrue();
      assertThat(b.id()).isEqualTo(a.id());
      assertThat(b.names()).isEqualTo(a.names());
      for (int i = 0; i < a.names().size(); i++) {
        double rel = Math.abs(b.values()[i] / a.values()[i] - 1);
        worst = Math.max(worst, rel);
        assertThat(rel).as(a.id() + " " + a.names().get(i)).isLessThan(1e-6);
        double seRel = Math.abs(b.standardErrors()[i] / a.standardErrors()[i] - 1);
        assertThat(seRel).as(a.id() + " SE " + a.names().get(i)).isLessThan(1e-4);
        assertThat(b.identifiable()[i]).isEqualTo(a.identifiable()[i]);
      }
      assertThat(Math.abs(b.loss() / a.loss() - 1)).isLessThan(1e-9);
      assertThat(b.startsConverged()).isEqualTo(a.startsConverged());
    }
    System.out.println("batched vs per-column LM: largest relative difference of a fitted value "
        + worst);
  }

  @Test
  void aColumnsFitDoesNotDependOnTheOtherColumnsOfItsBatch() {
    ColumnFitter fitter = new ColumnFitter(SETTINGS);
    List<ColumnFit> alone = new BatchedColumnFitter(fitter).fit(List.of(columns.get(7)));
    List<ColumnFit> some = new BatchedColumnFitter(fitter).fit(columns.subList(5, 12));
    for (List<ColumnFit> l : List.of(alone, some.subList(2, 3))) {
      ColumnFit a = l.get(0);
      ColumnFit b = batched.get(7);
      assertThat(a.values()).isEqualTo(b.values());
      assertThat(a.standardErrors()).isEqualTo(b.standardErrors());
      assertThat(a.loss()).isEqualTo(b.loss());
      assertThat(a.iterations()).isEqualTo(b.iterations());
    }
  }

  @Test
  void mapIsByteIdenticalOnOneAndTwoThreads() throws IOException {
    RegionalInput in = new RegionalInput(tmp.resolve("region"), "netcdf", columns, "test");
    String[] maps = new String[2];
    for (int t = 1; t <= 2; t++) {
      RegionalMapping.Summary s = RegionalMapping.run(in, SETTINGS,
          new ExecutorColumnRunner(t, true), new RegionalMapping.Options(tmp.resolve("t" + t),
              false, false, false), RegionalMappingTest.QUIET);
      assertThat(s.ok()).isEqualTo(columns.size());
      maps[t - 1] = Files.readString(s.mapCsv());
    }
    assertThat(maps[1]).isEqualTo(maps[0]);
  }
}
