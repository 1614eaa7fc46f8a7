package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {
  /** The physics baseline, counting its solves. */
  private static final class Counting implements Approach {
    final Approach inner = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer());
    final AtomicInteger solves = new AtomicInteger();

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public String description() {
      return inner.description();
    }

    @Override
    public Capabilities capabilities() {
      return inner.capabilities();
    }

    @Override
    public CouplingSolution solve(CouplingTask task) {
      solves.incrementAndGet();
      return inner.solve(task);
    }
  }

  @Test
  void aTaskWithTheSameContentAsAnEarlierOneReusesItsCellsUnderItsOwnId(@TempDir Path dir)
      throws Exception {
    // a copy of twin under another id sees exactly what twin sees; twin-n1 does not
    TaskCatalog cat = TaskCatalog.tiny(null, 42);
    BenchTask twin = cat.task("twin");
    BenchTask n3 = new BenchTask("twin-n3", TaskCatalog.FAMILY_TWIN, twin.task().toBuilder()
        .name("twin-n3").build(), twin.truth(), twin.trueParameters(), "a copy of twin");
    BenchTask n1 = cat.task("twin-n1");
    assertThat(BenchRunner.contentKey(n3)).isEqualTo(BenchRunner.contentKey(twin));
    assertThat(BenchRunner.contentKey(n1)).isNotEqualTo(BenchRunner.contentKey(twin));
    assertThat(BenchRunner.contentKey(cat.task("twin-extrap")))
        .isNotEqualTo(BenchRunner.contentKey(twin));

    Counting a = new Counting();
    BenchRunner.Run r = new BenchRunner(dir, false, ProgressListener.NONE)
        .run(List.of(twin, n3, n1), List.of(a));
    assertThat(a.solves.get()).isEqualTo(2);
    assertThat(r.cells()).extracting(CellResult::task).containsExactly("twin", "twin-n3",
        "twin-n1");
    CellResult t = r.cells().get(0);
    CellResult c = r.cells().get(1);
    assertThat(c.task()).isEqualTo("twin-n3");
    assertThat(c.scores()).isEqualTo(t.scores());
    assertThat(dir.resolve("cells/twin-n3__baseline.physics-only__r1.json")).exists();
  }
}
