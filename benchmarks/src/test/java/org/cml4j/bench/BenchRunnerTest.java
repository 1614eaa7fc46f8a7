package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {
  /** The physics baseline, counting its {@code solve} calls in {@code solves}. */
  private static Approach counting(AtomicInteger solves) {
    Approach inner = new PhysicsOnlyBaseline(CouplingDefaults.standard().optimizer());
    return (Approach) Proxy.newProxyInstance(Approach.class.getClassLoader(),
        new Class<?>[] {Approach.class}, (proxy, m, args) -> {
          if (m.getName().equals("solve")) {
            solves.incrementAndGet();
          }
          try {
            return m.invoke(inner, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
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

    AtomicInteger solves = new AtomicInteger();
    BenchRunner.Run r = new BenchRunner(dir, false, ProgressListener.NONE)
        .run(List.of(twin, n3, n1), List.of(counting(solves)));
    assertThat(solves.get()).isEqualTo(2);
    assertThat(r.cells()).extracting(CellResult::task).containsExactly("twin", "twin-n3",
        "twin-n1");
    CellResult t = r.cells().get(0);
    CellResult c = r.cells().get(1);
    assertThat(c.task()).isEqualTo("twin-n3");
    assertThat(c.scores()).isEqualTo(t.scores());
    assertThat(dir.resolve("cells/twin-n3__baseline.physics-only__r1.json")).exists();
  }
}
