package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cml4j.cli.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPENSIVE (runs the whole tiny suite twice, ~1–2 min on two idle cores): results.csv is
 * identical apart from the timing columns on 1 and on 2 threads, with a thread burning CPU
 * during the single-threaded run.
 */
@Tag("expensive")
class BenchThreadsDeterminismTest {
  @Test
  void tinySuiteIsIdenticalOnOneAndTwoThreadsAndOnABusyMachine(@TempDir Path dir)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread busy = new Thread(() -> {
      double x = 0;
      while (!stop.get()) {
        x += Math.sin(x);
      }
    }, "busy");
    busy.setDaemon(true);
    busy.start();
    CliRun one;
    try {
      one = CliRun.run("bench", "--suite", "tiny", "--threads", "1", "--quiet", "--out",
          dir.resolve("t1").toString());
    } finally {
      stop.set(true);
    }
    assertThat(one.code()).as(one.err()).isZero();
    CliRun two = CliRun.run("bench", "--suite", "tiny", "--threads", "2", "--quiet", "--out",
        dir.resolve("t2").toString());
    assertThat(two.code()).as(two.err()).isZero();
    List<String> a = comparable(dir.resolve("t1/results.csv"));
    List<String> b = comparable(dir.resolve("t2/results.csv"));
    assertThat(a).hasSizeGreaterThan(800);
    assertThat(b).containsExactlyElementsOf(a);
  }

  /**
   * Rows without timings. No tiny-suite cell may stop on its wall-time safety cap: such a row
   * would depend on machine speed, and the comparison would not show determinism.
   */
  private static List<String> comparable(Path csv) throws Exception {
    int cap = ResultsCsv.HEADER.indexOf("time_cap_hit");
    int capAfterTimings = cap < ResultsCsv.HEADER.indexOf("fit_seconds") ? cap : cap - 2;
    List<String> rows = BenchCommandTest.withoutTimings(csv);
    assertThat(rows.subList(1, rows.size())).as("rows that hit the wall-time cap")
        .allMatch(l -> l.split("\\|", -1)[capAfterTimings].equals("0"));
    return rows;
  }
}
