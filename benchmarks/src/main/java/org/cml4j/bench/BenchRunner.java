package org.cml4j.bench;

import org.cml4j.lsm.tasks.BenchTask;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.cli.ProgressListener;
import org.cml4j.cli.report.AtomicFiles;
import org.cml4j.cli.report.PlotWriter;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;

/**
 * Runs every approach on every benchmark case it declares it can address, scores it, and keeps
 * each finished cell as {@code cells/<task>__<approach>.json} so an interrupted run can resume.
 * A failing approach is recorded as failed with its reason and the suite continues. A task whose
 * content equals an earlier task's (e.g. {@code twin-n14} and {@code twin} in the quick suite:
 * same forcing, observations, split, targets, truth, budget and seed) reuses that task's cells
 * under its own id instead of recomputing them (couplings are deterministic given the task).
 */
public final class BenchRunner {
  private final Path cellDir;
  private final boolean resume;
  private final ProgressListener progress;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public BenchRunner(Path outDir, boolean resume, ProgressListener progress) {
    this.cellDir = outDir.resolve("cells");
    this.resume = resume;
    this.progress = progress;
  }

  /** Outcome of a whole run. */
  public record Run(List<CellResult> cells, Map<String, Double> taskSeconds, int reused) {}

  /** Runs all cells in order (cases outer, approaches inner). */
  public Run run(List<BenchTask> cases, List<Approach> approaches) throws IOException {
    Files.createDirectories(cellDir);
    List<CellResult> out = new ArrayList<>();
    Map<String, Double> taskSeconds = new LinkedHashMap<>();
    int total = cases.size() * approaches.size();
    int done = 0;
    int reused = 0;
    Map<String, Map<String, CellResult>> byContent = new LinkedHashMap<>();
    progress.begin("bench", total, " cells");
    try {
      for (BenchTask bc : cases) {
        long t0 = System.nanoTime();
        Map<String, CellResult> same = byContent.computeIfAbsent(contentKey(bc),
            k -> new LinkedHashMap<>());
        for (Approach a : approaches) {
          progress.status(bc.id() + " / " + a.name());
          Path f = cellDir.resolve(PlotWriter.safe(bc.id()) + "__" + PlotWriter.safe(a.name())
              + ".json");
          CellResult r = null;
          if (resume && Files.isRegularFile(f)) {
            try {
              r = json.readValue(f.toFile(), CellResult.class);
              reused++;
            } catch (IOException e) {
              r = null; // a damaged cell is recomputed
            }
          }
          if (r == null && same.containsKey(a.name())) {
            r = same.get(a.name()).forTask(bc);
            AtomicFiles.write(f, json.writeValueAsBytes(r));
          }
          if (r == null) {
            r = runCell(bc, a);
            byte[] bytes = json.writeValueAsBytes(r);
            AtomicFiles.write(f, bytes);
          }
          out.add(r);
          same.putIfAbsent(a.name(), r);
          progress.done(++done);
        }
        taskSeconds.put(bc.id(), (System.nanoTime() - t0) * 1e-9);
      }
    } finally {
      progress.end();
    }
    return new Run(out, taskSeconds, reused);
  }

  /**
   * Everything a coupling sees of a task, plus the truth it is scored against — not its id or
   * its family tag (couplings only branch on capability tags such as parameter recovery).
   */
  static String contentKey(BenchTask bc) {
    CouplingTask t = bc.task();
    return String.join("|", t.mechanism().name(), t.fingerprint(), t.split().toString(),
        t.targets().toString(), new TreeMap<>(t.knownParameters()).toString(),
        t.fitParameters().toString(), t.budget().toString(), Long.toString(t.seed()),
        t.tags().stream().filter(g -> !g.equals(bc.family())).sorted().toList().toString(),
        t.auxiliary().fingerprint(), bc.truth().fingerprint());
  }

  /** Runs one cell, never throwing: failures become failed cells. */
  public static CellResult runCell(BenchTask bc, Approach a) {
    long t0 = System.nanoTime();
    Applicability ap;
    try {
      ap = a.applicability(bc.task());
    } catch (RuntimeException e) {
      ap = Applicability.no("applicability check failed: " + e.getMessage());
    }
    if (!ap.applicable()) {
      return CellScorer.notRun(bc, a, CellResult.NOT_APPLICABLE, ap.reason(), 0);
    }
    try {
      CouplingSolution s = a.solve(bc.task());
      return CellScorer.score(bc, a, s);
    } catch (RuntimeException | LinkageError e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getClass().getSimpleName() + ": " + e.getMessage();
      return CellScorer.notRun(bc, a, CellResult.FAILED, msg.replace('\n', ' '),
          (System.nanoTime() - t0) * 1e-9);
    }
  }
}
