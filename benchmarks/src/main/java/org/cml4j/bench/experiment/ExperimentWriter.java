package org.cml4j.bench.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cml4j.bench.report.AtomicFiles;

/**
 * Writes the effective experiment ({@code experiment.yaml} in the run folder): every key with its
 * value, defaults filled in, every coupling with all its settings, task ids explicit. Running that
 * file again ({@code ./cml4j run DIR/experiment.yaml}) reproduces results.csv apart from the two
 * timing columns. {@code out} is left out so the re-run gets a folder of its own.
 */
public final class ExperimentWriter {
  /** File name inside the run folder. */
  public static final String FILE = "experiment.yaml";

  private ExperimentWriter() {}

  /** The experiment as a tree in {@link ExperimentFile#KEYS} order. */
  public static ObjectNode tree(Experiment e) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode root = n.objectNode();
    root.put("name", e.name());
    root.put("suite", e.suite());
    root.put("seed", e.seed());
    root.put("replicates", e.replicates());
    root.put("threads", e.threads());
    var tasks = root.putArray("tasks");
    if (e.tasks() != null) {
      e.tasks().forEach(tasks::add);
    }
    var sites = root.putArray("sites");
    for (SiteSpec s : e.sites()) {
      ObjectNode o = sites.addObject();
      o.put("file", s.file().toString());
      if (s.window() != null) {
        o.put("window", s.window());
      }
      if (s.split() != null) {
        o.put("split", s.split());
      }
      s.observe().forEach(o.putArray("observe")::add);
      s.predict().forEach(o.putArray("predict")::add);
      ObjectNode fix = o.putObject("fix");
      s.fix().forEach(fix::put);
    }
    var baselines = root.putArray("baselines");
    e.baselines().forEach(baselines::add);
    ObjectNode couplings = root.putObject("couplings");
    e.couplings().forEach((k, v) -> couplings.set(k, SettingsCodec.toTree(v)));
    var plugins = root.putArray("plugins");
    e.plugins().forEach(p -> plugins.add(p.toString()));
    return root;
  }

  /** The effective experiment as YAML text, with a header comment. */
  public static String yaml(Experiment e) throws IOException {
    YAMLMapper m = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build();
    return "# effective experiment (docs/EXPERIMENTS.md): every default filled in; run it again"
        + " with\n# ./cml4j run experiment.yaml (out is left out: each run gets its own folder)\n"
        + m.writeValueAsString(tree(e));
  }

  /** Writes {@link #yaml} atomically. */
  public static void write(Path file, Experiment e) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, yaml(e).getBytes(StandardCharsets.UTF_8));
  }
}
