package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
  /**
   * Couplings that on this branch still stop training on wall time without reporting it (fuse's
   * FusionTraining, FusionNetCoupling, PhysicsLayerCoupling, ModelErrorStage and AdjointTraining
   * read {@code budget().maxSeconds()}); another branch replaces those stops by counts. Measured
   * under load (load average ~30): fusion.hybrid-pgdl and fusion.physics-loss rows differed
   * between runs. Empty this set when that branch lands: the test then covers every coupling.
   */
  static final Set<String> WALL_CLOCK_STOPS_PENDING = Set.of("fusion.hybrid-pgdl",
      "fusion.physics-loss", "fusion.physics-inputs", "fusion.energy-conserving",
      "fusion.physics-layer", "fusion.hybrid-assimilation");

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

  /** Rows without timings; rows of a cell that hit its wall-time cap or of a pending coupling
   * are reduced to their key (they are allowed to differ, but must be present in order). */
  private static List<String> comparable(Path csv) throws Exception {
    int cap = ResultsCsv.HEADER.indexOf("time_cap_hit");
    return BenchCommandTest.withoutTimings(csv).stream().map(l -> {
      String[] c = l.split(",", -1);
      boolean loose = c.length > cap && (c[cap].equals("1")
          || WALL_CLOCK_STOPS_PENDING.contains(c[2]));
      return loose ? String.join(",", c[0], c[2], c[ResultsCsv.HEADER.indexOf("replicate")],
          c[ResultsCsv.HEADER.indexOf("target")]) + ",<clock-dependent>" : l;
    }).toList();
  }
}
