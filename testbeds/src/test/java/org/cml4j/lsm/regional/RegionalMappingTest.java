package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small synthetic region mapped end to end: recovery against truth, map.nc, resumption. */
class RegionalMappingTest {
  static final RegionalMapping.Listener QUIET = new RegionalMapping.Listener() { };
  static final SyntheticRegion REGION = SyntheticRegion.of(36, 7);

  @TempDir
  static Path shared;
  static Path input;
  static RegionalMapping.Summary first;
  static String firstMap;

  @TempDir
  Path tmp;

  @BeforeAll
  static void mapTheRegionOnce() throws IOException {
    input = shared.resolve("region.nc");
    REGION.writeNetcdf(input);
    first = RegionalMapping.run(RegionalInput.open(input), settings(), new ExecutorColumnRunner(2),
        new RegionalMapping.Options(shared.resolve("map"), false, false, true), QUIET);
    firstMap = Files.readString(first.mapCsv());
  }

  static MapSettings settings() {
    return MapSettings.defaults().withStarts(1).withChunkSize(8);
  }

  @Test
  void recoversTheSmoothTrueFieldsWithStandardErrorsAndIdentifiabilityFlags() throws IOException {
    assertThat(first.columns()).isEqualTo(36);
    assertThat(first.ok()).isEqualTo(36);
    assertThat(first.chunks()).isEqualTo(5);
    List<ColumnFit> fits = MapTable.read(first.mapCsv());
    assertThat(fits).extracting(ColumnFit::id).containsExactly(ids(36));
    for (SyntheticRegion.Recovery r : REGION.recovery(fits)) {
      assertThat(r.fitted()).isEqualTo(36);
      assertThat(r.identifiable()).as(r.name()).isEqualTo(36);
      if (r.relative()) {
        assertThat(r.medianError()).as(r.name()).isLessThan(0.02);
        assertThat(r.maxError()).as(r.name()).isLessThan(0.08);
      } else {
        assertThat(r.maxError()).as("Tb error in K").isLessThan(0.5);
      }
    }
    // the true value lies within 4 standard errors for nearly every column
    int inside = 0;
    for (ColumnFit f : fits) {
      SyntheticRegion.Truth t = REGION.truth(Integer.parseInt(f.id().substring(1)));
      if (Math.abs(f.value("lambda") - t.lambda()) < 4 * f.standardError("lambda")) {
        inside++;
      }
      assertThat(f.lat()).isEqualTo(t.lat());
      assertThat(f.rmse()).isBetween(0.02, 0.2); // observation noise 0.05 K
    }
    assertThat(inside).isGreaterThanOrEqualTo(32);
  }

  @Test
  void netcdfMapHoldsTheSameValuesAsTheCsv() throws IOException {
    List<ColumnFit> fits = MapTable.read(first.mapCsv());
    try (HdfFile h = new HdfFile(first.mapNc())) {
      double[] lambda = (double[]) h.getDatasetByPath("lambda").getData();
      double[] se = (double[]) h.getDatasetByPath("C_se").getData();
      byte[] ok = (byte[]) h.getDatasetByPath("hbeta_identifiable").getData();
      String[] ids = (String[]) h.getDatasetByPath("column_id").getData();
      assertThat(h.getDatasetByPath("C").getAttribute("units").getData()).isEqualTo("J m-3 K-1");
      for (int i = 0; i < fits.size(); i++) {
        assertThat(ids[i]).isEqualTo(fits.get(i).id());
        assertThat(lambda[i]).isEqualTo(fits.get(i).value("lambda"));
        assertThat(se[i]).isEqualTo(fits.get(i).standardError("C"));
        assertThat(ok[i]).isEqualTo((byte) 1);
      }
    }
  }

  @Test
  void resumeAfterACrashFitsOnlyTheMissingChunksAndGivesTheSameMap() throws IOException {
    Path out = tmp.resolve("crash");
    RegionalInput in = RegionalInput.open(input);
    // a run that dies after two chunks were written
    CountingRunner crashing = new CountingRunner(2);
    assertThatThrownBy(() -> RegionalMapping.run(in, settings(), crashing,
        new RegionalMapping.Options(out, false, false, false), QUIET))
        .isInstanceOf(IOException.class).hasMessageContaining("simulated crash");
    Path parts = out.resolve(RegionalMapping.PARTS);
    assertThat(parts.resolve("part-00000.csv")).exists();
    assertThat(parts.resolve("part-00002.csv")).doesNotExist();
    assertThat(out.resolve(RegionalMapping.MAP_CSV)).doesNotExist();
    // a stale half-written part (e.g. copied in by hand) is detected and refitted
    Files.writeString(parts.resolve("part-00003.csv"), "id,lat\n");

    assertThatThrownBy(() -> RegionalMapping.run(in, settings(), new ExecutorColumnRunner(2),
        new RegionalMapping.Options(out, false, false, false), QUIET))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume")
        .hasMessageContaining("--force");
    assertThatThrownBy(() -> RegionalMapping.run(in, settings().withStarts(2),
        new ExecutorColumnRunner(2), new RegionalMapping.Options(out, true, false, false), QUIET))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot resume")
        .hasMessageContaining("settings").hasMessageContaining("starts=1");

    CountingRunner resumed = new CountingRunner(Integer.MAX_VALUE);
    List<String> messages = new ArrayList<>();
    RegionalMapping.Summary s = RegionalMapping.run(in, settings(), resumed,
        new RegionalMapping.Options(out, true, false, false), new RegionalMapping.Listener() {
          @Override
          public void message(String text) {
            messages.add(text);
          }
        });
    assertThat(s.chunksSkipped()).isEqualTo(2);
    assertThat(resumed.columns).isEqualTo(36 - 16);
    assertThat(messages).anyMatch(m -> m.contains("part-00003.csv"));
    assertThat(Files.readString(s.mapCsv())).isEqualTo(firstMap);

    // resuming a finished run fits nothing; --force starts over
    CountingRunner again = new CountingRunner(Integer.MAX_VALUE);
    assertThat(RegionalMapping.run(in, settings(), again,
        new RegionalMapping.Options(out, true, false, false), QUIET).chunksSkipped()).isEqualTo(5);
    assertThat(again.columns).isZero();
    CountingRunner forced = new CountingRunner(Integer.MAX_VALUE);
    RegionalMapping.run(in, settings(), forced,
        new RegionalMapping.Options(out, false, true, false), QUIET);
    assertThat(forced.columns).isEqualTo(36);
  }

  @Test
  void aBadColumnIsRecordedWithItsReasonAndTheRunGoesOn() throws IOException {
    Path dir = tmp.resolve("sites");
    SyntheticRegion small = SyntheticRegion.of(4, 11);
    small.writeCsvDirectory(dir);
    Path bad = dir.resolve("c00002.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(bad));
    String[] cells = lines.get(12).split(",");
    cells[3] = "500.0"; // Tair
    lines.set(12, String.join(",", cells));
    Files.write(bad, lines);
    Files.writeString(dir.resolve("c00003.csv"), "# lat: 41\n# lon: -95\ntime,SWdown,LWdown,"
        + "Tair\n2020-07-01T00:00:00Z,0,300,290\n2020-07-01T01:00:00Z,0,300,290\n");

    RegionalInput in = RegionalInput.open(dir);
    assertThat(in.kind()).isEqualTo("csv-directory");
    RegionalMapping.Summary s = RegionalMapping.run(in, settings(), new ExecutorColumnRunner(2),
        new RegionalMapping.Options(tmp.resolve("out"), false, false, true), QUIET);
    assertThat(s.ok()).isEqualTo(2);
    assertThat(s.failed()).isEqualTo(2);
    List<ColumnFit> fits = MapTable.read(s.mapCsv());
    assertThat(fits.get(0).ok()).isTrue();
    assertThat(fits.get(0).lat()).isEqualTo(small.truth(0).lat());
    assertThat(fits.get(0).value("lambda")).isCloseTo(small.truth(0).lambda(), within(0.05));
    ColumnFit f2 = fits.get(2);
    assertThat(f2.status()).isEqualTo(ColumnFit.FAILED);
    assertThat(f2.reason()).contains("c00002.csv").contains("line 13").contains("Tair")
        .contains("500.0").contains("150 to 350 K");
    assertThat(f2.values()).containsOnly(Double.NaN);
    assertThat(fits.get(3).reason()).contains("no SoilTemp_<depth> or SurfTemp");
    assertThat(fits.get(3).lat()).isEqualTo(41.0);
  }

  static String[] ids(int n) {
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = SyntheticRegion.id(i);
    }
    return s;
  }

  /**
   * Streamed input: the run holds only the columns' identities until a chunk is read, and the map
   * does not depend on how the columns are chunked or batched (one chunk on one thread and chunks
   * of 5 on two threads write the same map.csv byte for byte and the same map.nc values), nor on
   * whether the rest of the file is read at all ({@link RegionalInput#limit}).
   */
  @Test
  void chunkedRunEqualsOneChunkRunByteForByteAndReadsOnlyWhatItMaps() throws IOException {
    RegionalInput in = RegionalInput.open(input);
    assertThat(in.columns()).hasSize(36).allSatisfy(c -> assertThat(
        ((ColumnInput.Gridded) c).loaded()).as("values read before the chunk is fitted").isFalse());
    ColumnChunk second = RegionalMapping.chunks(in.columns(), 4).get(1).load();
    assertThat(second.columns()).extracting(ColumnInput::id)
        .containsExactly("c00004", "c00005", "c00006", "c00007");
    assertThat(second.columns()).allSatisfy(c -> assertThat(((ColumnInput.Gridded) c).loaded())
        .isTrue());

    MapSettings batched = settings().withFitter("batched");
    RegionalMapping.Summary one = batchedRun(in, batched.withChunkSize(36), 1, "one");
    RegionalMapping.Summary small = batchedRun(in, batched.withChunkSize(5), 2, "small");
    assertThat(one.chunks()).isEqualTo(1);
    assertThat(small.chunks()).isEqualTo(8);
    assertThat(one.ok()).isEqualTo(36);
    assertThat(Files.mismatch(one.mapCsv(), small.mapCsv())).isEqualTo(-1L);
    try (HdfFile a = new HdfFile(one.mapNc()); HdfFile b = new HdfFile(small.mapNc())) {
      assertThat(b.getChildren().keySet()).isEqualTo(a.getChildren().keySet());
      for (String name : a.getChildren().keySet()) {
        assertThat(b.getDatasetByPath(name).getData()).as(name)
            .isEqualTo(a.getDatasetByPath(name).getData());
      }
    }
    RegionalMapping.Summary first4 = batchedRun(in.limit(4), batched.withChunkSize(3), 1, "limit");
    assertThat(Files.readAllLines(first4.mapCsv()))
        .isEqualTo(Files.readAllLines(one.mapCsv()).subList(0, 5));
  }

  private RegionalMapping.Summary batchedRun(RegionalInput in, MapSettings settings, int threads,
      String name) throws IOException {
    try (ExecutorColumnRunner runner = new ExecutorColumnRunner(threads, true)) {
      return RegionalMapping.run(in, settings, runner, new RegionalMapping.Options(
          tmp.resolve(name), false, false, true), QUIET);
    }
  }

  /** The embedded runner, counting columns, optionally crashing after some chunks. */
  static final class CountingRunner implements ColumnRunner {
    final int crashAfter;
    int columns;

    CountingRunner(int crashAfter) {
      this.crashAfter = crashAfter;
    }

    @Override
    public String describe() {
      return "counting";
    }

    @Override
    public void run(List<ColumnChunk> chunks, ColumnFitter fitter, ChunkSink sink)
        throws IOException {
      int done = 0;
      for (ColumnChunk c : chunks) {
        if (done++ == crashAfter) {
          throw new IOException("simulated crash");
        }
        List<ColumnFit> fits = new ArrayList<>();
        for (ColumnInput col : c.columns()) {
          fits.add(fitter.fit(col));
          columns++;
        }
        sink.chunkDone(c, fits);
      }
    }
  }
}
