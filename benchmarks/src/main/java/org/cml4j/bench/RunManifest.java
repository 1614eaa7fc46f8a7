package org.cml4j.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.core.provenance.Provenance;
import org.cml4j.core.spi.Approach;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.sites.SiteTaskBuilder;

/**
 * {@code run-manifest.json}, written into the output folder before any cell runs: what the cells
 * of this folder were computed with. {@code --resume} compares it with the new run and refuses
 * (exit code 2, naming each difference) when the suite, seed, code version (cml4j version and git
 * commit), a task's content key (data fingerprint, split, targets, budget, seed, version tag,
 * truth) of a replicate both runs have, or the implementation of a coupling both runs have
 * differs, or a coupling both runs have ran with other settings (its typed settings record, the
 * configuration fingerprint). Beyond its settings a coupling's configuration is fixed by its code
 * and the task, so the code version and its class pin it; each cell also stores the configuration it ran with and its content key,
 * checked again cell by cell.
 *
 * @param suite tiny, quick or full
 * @param seed the run's seed
 * @param replicates number of replicates
 * @param codeVersion cml4j version and git commit, e.g. {@code 0.1.0-SNAPSHOT@3f2a…}
 * @param tasks {@code <task>#<replicate>} to the SHA-256 of its content key
 * @param couplings coupling or baseline name to its implementing class
 * @param settings coupling name to its effective settings (canonical JSON), the configuration
 *     fingerprint of each coupling
 * @param inputs task id to the SHA-256 of the site file it was read from ({@code bench --site};
 *     tag {@link SiteTaskBuilder#INPUT_TAG}); a changed file is named by {@code --resume}
 */
public record RunManifest(String suite, long seed, int replicates, String codeVersion,
    Map<String, String> tasks, Map<String, String> couplings, Map<String, String> settings,
    Map<String, String> inputs) {
  /** File name inside the output folder. */
  public static final String FILE = "run-manifest.json";

  public RunManifest {
    tasks = new TreeMap<>(tasks);
    couplings = new TreeMap<>(couplings);
    settings = settings == null ? null : new TreeMap<>(settings);
    inputs = inputs == null ? new TreeMap<>() : new TreeMap<>(inputs);
  }

  /** The manifest of a run about to start. */
  public static RunManifest of(String suite, long seed, List<BenchRunner.Replicate> reps,
      List<Approach> approaches) {
    return of(suite, seed, reps, approaches, Map.of());
  }

  /** The manifest of a run about to start, with the couplings' effective settings. */
  public static RunManifest of(String suite, long seed, List<BenchRunner.Replicate> reps,
      List<Approach> approaches, Map<String, Record> couplingSettings) {
    Map<String, String> t = new TreeMap<>();
    Map<String, String> in = new TreeMap<>();
    for (BenchRunner.Replicate r : reps) {
      for (BenchTask bc : r.tasks()) {
        t.put(bc.id() + "#" + r.number(), BenchRunner.sha256(BenchRunner.contentKey(bc)));
        bc.task().tags().stream().filter(g -> g.startsWith(SiteTaskBuilder.INPUT_TAG)).findFirst()
            .ifPresent(g -> in.put(bc.id(), g.substring(SiteTaskBuilder.INPUT_TAG.length())));
      }
    }
    Map<String, String> c = new TreeMap<>();
    approaches.forEach(a -> c.put(a.name(), a.getClass().getName()));
    Map<String, String> s = new TreeMap<>();
    couplingSettings.forEach((k, v) -> s.put(k,
        org.cml4j.bench.experiment.SettingsCodec.fingerprint(v)));
    return new RunManifest(suite, seed, reps.size(), currentCodeVersion(), t, c, s, in);
  }

  /** cml4j version and git commit of the running code. */
  public static String currentCodeVersion() {
    return Provenance.cml4jVersion() + "@" + Provenance.currentGitCommit();
  }

  /**
   * For {@code --resume}: throws {@link IllegalArgumentException} (bad input: the CLI exits with
   * code 2) naming every difference between the manifest in {@code dir} and this run; a folder
   * with cells but no manifest is refused too.
   * Nothing happens for a folder without cells.
   */
  public void checkResume(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    Path cells = dir.resolve("cells");
    if (!Files.isRegularFile(f)) {
      boolean any = Files.isDirectory(cells);
      if (any) {
        try (var s = Files.list(cells)) {
          any = s.findAny().isPresent();
        }
      }
      if (any) {
        throw new IllegalArgumentException("--resume: " + dir + " has cells but no " + FILE
            + ", so their provenance cannot be checked; run without --resume or into another"
            + " --out folder");
      }
      return;
    }
    RunManifest old;
    try {
      old = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(f.toFile(), RunManifest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("--resume: cannot read " + f + ": " + e.getMessage());
    }
    List<String> diff = differences(old);
    if (!diff.isEmpty()) {
      throw new IllegalArgumentException("--resume refused: the output folder " + dir + " "
          + String.join("; ", diff) + ". Run without --resume or into another --out folder.");
    }
  }

  /** What differs between an earlier run's manifest and this one, in words. */
  List<String> differences(RunManifest old) {
    List<String> d = new ArrayList<>();
    if (!old.suite().equals(suite)) {
      d.add("was made with suite " + old.suite() + ", this run asks for suite " + suite);
    }
    if (old.seed() != seed) {
      d.add("was made with seed " + old.seed() + ", this run asks for seed " + seed);
    }
    if (!old.codeVersion().equals(codeVersion)) {
      d.add("was made by code version " + old.codeVersion() + ", this is " + codeVersion);
    }
    old.tasks().forEach((k, v) -> {
      String now = tasks.get(k);
      if (now != null && !now.equals(v)) {
        d.add("task " + k.replace("#", " replicate ") + " had other content (data, split, seed"
            + " or version)");
      }
    });
    old.inputs().forEach((k, v) -> {
      String now = inputs.get(k);
      if (now != null && !now.equals(v)) {
        d.add("task " + k + " read a site file with SHA-256 " + v + ", now the file has " + now);
      }
    });
    old.couplings().forEach((k, v) -> {
      String now = couplings.get(k);
      if (now != null && !now.equals(v)) {
        d.add("coupling " + k + " was implemented by " + v + ", now by " + now);
      }
    });
    if (old.settings() != null && settings != null) {
      old.settings().forEach((k, v) -> {
        String now = settings.get(k);
        if (now != null && !now.equals(v)) {
          d.add("coupling " + k + " ran with settings " + v + ", this run asks for " + now);
        }
      });
    }
    return d;
  }

  /** Writes the manifest atomically into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve(FILE), new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
  }
}
