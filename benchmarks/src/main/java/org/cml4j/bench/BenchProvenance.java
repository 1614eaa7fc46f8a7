package org.cml4j.bench;

import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.sites.SiteTaskBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.core.provenance.Provenance;

/**
 * {@code provenance.json}: versions, seeds (and each replicate's), data fingerprints, machine,
 * threads, the effective settings of every coupling, total cell seconds (fit + predict, summed over couplings and replicates) per task, and
 * the cost of each coupling (costliest first).
 */
public final class BenchProvenance {
  private BenchProvenance() {}

  public static void write(Path file, List<String> args, String suite, long seed,
      List<BenchTask> cases, List<String> approaches, Map<String, Double> taskSeconds,
      double wallSeconds, int reusedCells, int replicates, int threads, List<CellResult> cells)
      throws IOException {
    write(file, args, suite, seed, cases, approaches, taskSeconds, wallSeconds, reusedCells,
        replicates, threads, cells, Map.of());
  }

  /** As above, with each coupling's effective settings (written under {@code couplingSettings}). */
  public static void write(Path file, List<String> args, String suite, long seed,
      List<BenchTask> cases, List<String> approaches, Map<String, Double> taskSeconds,
      double wallSeconds, int reusedCells, int replicates, int threads, List<CellResult> cells,
      Map<String, Record> couplingSettings) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    Provenance p = Provenance.collect(args, List.of());
    root.put("cml4j", p.version());
    root.put("gitCommit", p.gitCommit());
    root.put("date", p.date());
    root.putPOJO("arguments", args);
    root.putPOJO("libraries", Provenance.libraryVersions());
    ObjectNode machine = root.putObject("machine");
    machine.put("java", p.java());
    machine.put("os", p.os());
    machine.put("processors", p.processors());
    machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    root.put("suite", suite);
    root.put("seed", seed);
    root.putPOJO("approaches", approaches);
    root.put("wallSeconds", wallSeconds);
    root.put("reusedCells", reusedCells);
    root.put("replicates", replicates);
    root.put("threads", threads);
    ObjectNode rs = root.putObject("replicateSeeds");
    for (int r = 1; r <= replicates; r++) {
      rs.put(String.valueOf(r), org.cml4j.testbeds.tasks.TaskCatalog.replicateSeed(seed, r));
    }
    ObjectNode settings = root.putObject("couplingSettings");
    couplingSettings.forEach((k, v) -> settings.set(k,
        org.cml4j.bench.experiment.SettingsCodec.toTree(v)));
    ObjectNode cost = root.putObject("couplingSeconds");
    CouplingCost.of(cells).forEach(c -> {
      ObjectNode n = cost.putObject(c.approach());
      n.put("cells", c.cells());
      n.put("totalSeconds", c.totalSeconds());
      n.put("medianSeconds", c.medianSeconds());
      n.put("timeCapHits", c.timeCapHits());
    });
    var tasks = root.putArray("tasks");
    for (BenchTask bc : cases) {
      ObjectNode t = tasks.addObject();
      t.put("id", bc.id());
      t.put("family", bc.family());
      t.put("version", bc.version());
      t.put("seed", bc.task().seed());
      t.put("dataFingerprint", bc.task().fingerprint());
      t.put("truthFingerprint", bc.truth().fingerprint());
      bc.task().tags().stream().filter(g -> g.startsWith(SiteTaskBuilder.INPUT_TAG)).findFirst()
          .ifPresent(g -> t.put("inputSha256", g.substring(SiteTaskBuilder.INPUT_TAG.length())));
      t.put("trainDays", bc.trainingDays());
      t.putPOJO("targets", bc.task().targets());
      Double s = taskSeconds.get(bc.id());
      if (s != null) {
        t.put("cellSeconds", s);
      }
    }
    AtomicFiles.write(file, m.writeValueAsBytes(root));
  }
}
