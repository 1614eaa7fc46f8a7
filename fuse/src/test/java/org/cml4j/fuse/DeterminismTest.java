package org.cml4j.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same predictions, bit for bit, whatever the machine load and the concurrency:
 * every fusion coupling solves the tiny twin once alone, then again on a 2-thread pool (two
 * couplings training at once, as the bench runs its cells) beside a CPU-burning thread. Training
 * stops on counts only; the weight initialisation is seeded per network (java.util.Random for the
 * SameDiff networks; DL4J seeds ND4J's thread-local generator in {@code MultiLayerNetwork.init})
 * and the EnKF draws from its own seeded java.util.Random, so no thread disturbs another.
 */
class DeterminismTest {
  @Test
  void identicalPredictionsAloneAndUnderLoadOnTwoThreads() throws Exception {
    CouplingTask twin = TaskCatalog.tiny(null, 42).task("twin").task();
    assertThat(twin.budget().effort()).isEqualTo(Budget.Effort.TINY);
    CouplingRegistry reg = Cml4j.discover().registry();
    List<String> names = List.copyOf(FusePluginTest.EXPECTED.keySet());
    Map<String, CouplingSolution> alone = new LinkedHashMap<>();
    for (String n : names) {
      alone.put(n, reg.create(n).solve(twin));
    }
    AtomicBoolean run = new AtomicBoolean(true);
    Thread burner = new Thread(() -> {
      double x = 1;
      while (run.get()) {
        x = Math.sin(x) + 1.000001;
      }
      if (x == 42) {
        System.out.println(x);
      }
    }, "cpu-burner");
    burner.setDaemon(true);
    burner.start();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Future<CouplingSolution>> loaded = new LinkedHashMap<>();
    try {
      for (String n : names) {
        loaded.put(n, pool.submit(() -> reg.create(n).solve(twin)));
      }
      List<String> checked = new ArrayList<>();
      for (String n : names) {
        CouplingSolution a = alone.get(n);
        CouplingSolution b = loaded.get(n).get();
        assertThat(b.predictions().names()).as(n).isEqualTo(a.predictions().names());
        for (String v : a.predictions().names()) {
          assertArrayEquals(a.prediction(v), b.prediction(v), 0.0, n + " " + v);
          checked.add(n + ":" + v);
        }
        assertThat(a.diagnostics().scalars().get(Budget.TIME_CAP_HIT)).as(n).isZero();
        assertThat(b.diagnostics().scalars().get(Budget.TIME_CAP_HIT)).as(n).isZero();
      }
      assertThat(checked).hasSizeGreaterThan(names.size());
    } finally {
      run.set(false);
      pool.shutdownNow();
    }
  }
}
