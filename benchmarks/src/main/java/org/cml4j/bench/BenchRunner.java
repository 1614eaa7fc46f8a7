package org.cml4j.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.bench.report.PlotWriter;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.testbeds.tasks.BenchTask;

/**
 * Runs every approach on every benchmark case and replicate it declares it can address, on
 * {@code threads} worker threads, scores it, and keeps each finished cell as
 * {@code cells/<task>__<approach>__r<replicate>.json} so an interrupted run can resume. Results
 * come back in the fixed (task, approach, replicate) order whatever the number of threads: a cell
 * depends only on its task, approach and seed (each cell runs wholly on one thread; DL4J seeds its
 * thread-local ND4J generator from the task seed when it initialises a network, and no coupling
 * keeps mutable state between solves). A failing approach is recorded as failed with its reason
 * and the suite continues. A task whose content equals an earlier task's of the same replicate
 * (e.g. {@code twin-n14} and {@code twin} in the quick suite) reuses that task's cells under its
 * own id instead of recomputing them.
 */
public final class BenchRunner {
  private final Path cellDir;
  private final boolean resume;
  private final ProgressListener progress;
  private final int threads;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public BenchRunner(Path outDir, boolean resume, ProgressListener progress) {
    this(outDir, resume, progress, 1);
  }

  /** A runner on {@code threads} worker threads (at least 1). */
  public BenchRunner(Path outDir, boolean resume, ProgressListener progress, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    this.cellDir = outDir.resolve("cells");
    this.resume = resume;
    this.progress = progress;
    this.threads = threads;
  }

  /** Outcome of a whole run. */
  public record Run(List<CellResult> cells, Map<String, Double> taskSeconds, int reused) {}

  /** One replicate of the task list (the same ids in every replicate). */
  public record Replicate(int number, List<BenchTask> tasks) {}

  /** Runs one replicate (number 1). */
  public Run run(List<BenchTask> cases, List<Approach> approaches) throws IOException {
    return runReplicates(List.of(new Replicate(1, cases)), approaches);
  }

  private record Job(int replicate, BenchTask task, Approach approach, String key, Path file) {}

  /**
   * Runs all cells; results in (task, approach, replicate) order, task order from the first
   * replicate. {@code taskSeconds} sums the cell seconds (fit + predict) of each task id.
   */
  public Run runReplicates(List<Replicate> replicates, List<Approach> approaches)
      throws IOException {
    Files.createDirectories(cellDir);
    List<Job> jobs = new ArrayList<>();
    for (BenchTask first : replicates.get(0).tasks()) {
      for (Approach a : approaches) {
        for (Replicate rep : replicates) {
          BenchTask bc = rep.tasks().stream().filter(t -> t.id().equals(first.id())).findFirst()
              .orElseThrow(() -> new IllegalStateException("replicate " + rep.number()
                  + " lacks task " + first.id()));
          jobs.add(new Job(rep.number(), bc, a, sha256(contentKey(bc)), cellDir.resolve(
              PlotWriter.safe(bc.id()) + "__" + PlotWriter.safe(a.name()) + "__r" + rep.number()
                  + ".json")));
        }
      }
    }
    AtomicInteger done = new AtomicInteger();
    int reused = 0;
    List<Object> slots = new ArrayList<>(); // CellResult, Future<CellResult> or Integer (copy of)
    Map<String, Integer> firstBySame = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-worker");
      t.setDaemon(true);
      return t;
    });
    progress.begin("bench", jobs.size(), " cells");
    try {
      for (Job j : jobs) {
        CellResult old = resume ? readCell(j) : null;
        String same = j.key() + "|" + j.replicate() + "|" + j.approach().name();
        Integer first = firstBySame.putIfAbsent(same, slots.size());
        if (old != null) {
          reused++;
          slots.add(old);
          tick(done);
        } else if (first != null) {
          slots.add(first);
        } else {
          slots.add(pool.submit(() -> {
            progress.status(j.task().id() + " / " + j.approach().name() + " / r" + j.replicate());
            CellResult r = runCell(j.task(), j.approach(), j.replicate(), j.key());
            AtomicFiles.write(j.file(), json.writeValueAsBytes(r));
            tick(done);
            return r;
          }));
        }
      }
      List<CellResult> out = new ArrayList<>();
      Map<String, Double> taskSeconds = new LinkedHashMap<>();
      for (int i = 0; i < slots.size(); i++) {
        Object s = slots.get(i);
        CellResult r;
        if (s instanceof Integer k) {
          r = out.get(k).forTask(jobs.get(i).task());
          AtomicFiles.write(jobs.get(i).file(), json.writeValueAsBytes(r));
          tick(done);
        } else if (s instanceof Future<?> f) {
          r = (CellResult) get(f);
        } else {
          r = (CellResult) s;
        }
        out.add(r);
        taskSeconds.merge(r.task(), r.fitSeconds() + r.predictSeconds(), Double::sum);
      }
      return new Run(out, taskSeconds, reused);
    } finally {
      pool.shutdownNow();
      progress.end();
    }
  }

  private void tick(AtomicInteger done) {
    synchronized (progress) {
      progress.done(done.incrementAndGet());
    }
  }

  private static Object get(Future<?> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("bench interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }

  /**
   * A finished cell of an earlier run, or null if absent or damaged; throws (exit code 2) if it
   * was computed on other task content, another replicate or by another approach.
   */
  private CellResult readCell(Job j) {
    if (!Files.isRegularFile(j.file())) {
      return null;
    }
    CellResult r;
    try {
      r = json.readValue(j.file().toFile(), CellResult.class);
    } catch (IOException e) {
      return null; // a damaged cell is recomputed
    }
    String why = !r.contentKey().equals(j.key()) ? "task content (data, split, seed or version)"
        + " differs" : r.replicate() != j.replicate() ? "it is replicate " + r.replicate()
        : !r.approach().equals(j.approach().name()) ? "it was made by " + r.approach() : null;
    if (why != null) {
      throw new IllegalArgumentException("--resume: cell " + j.file() + " cannot be reused for "
          + j.task().id() + " / " + j.approach().name() + " replicate " + j.replicate() + ": "
          + why + "; run without --resume or into another --out folder");
    }
    return r;
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

  /** SHA-256 of a string, hex. */
  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one cell of replicate 1, never throwing: failures become failed cells. */
  public static CellResult runCell(BenchTask bc, Approach a) {
    return runCell(bc, a, 1, sha256(contentKey(bc)));
  }

  static CellResult runCell(BenchTask bc, Approach a, int replicate, String key) {
    long t0 = System.nanoTime();
    Applicability ap;
    try {
      ap = a.applicability(bc.task());
    } catch (RuntimeException e) {
      ap = Applicability.no("applicability check failed: " + e.getMessage());
    }
    if (!ap.applicable()) {
      return CellScorer.notRun(bc, a, CellResult.NOT_APPLICABLE, ap.reason(), 0, replicate, key);
    }
    try {
      CouplingSolution s = a.solve(bc.task());
      return CellScorer.score(bc, a, s, replicate, key);
    } catch (RuntimeException | LinkageError e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getClass().getSimpleName() + ": " + e.getMessage();
      return CellScorer.notRun(bc, a, CellResult.FAILED, msg.replace('\n', ' '),
          (System.nanoTime() - t0) * 1e-9, replicate, key);
    }
  }
}
