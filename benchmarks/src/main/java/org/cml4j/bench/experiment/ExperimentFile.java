package org.cml4j.bench.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.registry.CouplingRegistry;

/**
 * Reads an experiment file (YAML, or JSON for {@code .json}) in two steps: {@link #read} checks
 * the keys and value types and resolves plugin folders (so the caller can load them), then
 * {@link #resolve} checks coupling names, converts each coupling's settings to its factory's
 * declared type ({@link SettingsCodec}) and yields the {@link Experiment}. The file is read as a
 * tree of plain values: nothing in it can name a Java class. Every error names the file, the key
 * and its line where the parser gives one, and lists the allowed keys or values (exit code 2).
 */
public final class ExperimentFile {
  /** Top-level keys, in the order the effective file is written. */
  public static final List<String> KEYS = List.of("name", "suite", "seed", "replicates",
      "threads", "tasks", "sites", "baselines", "couplings", "plugins", "out");
  /** Keys of a sites entry. */
  public static final List<String> SITE_KEYS = List.of("file", "window", "split", "observe",
      "predict", "fix");

  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final List<Path> plugins;

  private ExperimentFile(Path file, JsonNode root, Map<String, Integer> lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
    this.plugins = new ArrayList<>();
    for (String s : strings("plugins")) {
      Path p = dir().resolve(s).toAbsolutePath().normalize();
      if (!Files.exists(p)) {
        throw error("/plugins", "plugin folder " + p + " does not exist");
      }
      plugins.add(p);
    }
  }

  /** Reads and checks the keys and types of {@code file}. */
  public static ExperimentFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new org.cml4j.cli.Cml4jCli.InputException("experiment file " + file + " does not exist");
    }
    ObjectMapper m = file.toString().endsWith(".json") ? new JsonMapper() : new YAMLMapper();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new org.cml4j.cli.Cml4jCli.InputException("cannot read experiment file " + file + ": "
          + e.getMessage());
    }
    JsonNode root;
    Map<String, Integer> lines;
    try {
      root = m.readTree(text);
      lines = FieldLines.of(m.getFactory(), text);
    } catch (JsonProcessingException e) {
      throw new org.cml4j.cli.Cml4jCli.InputException(file + (e.getLocation() != null ? " line "
          + e.getLocation().getLineNr() : "") + ": not valid " + (m instanceof YAMLMapper
          ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new org.cml4j.cli.Cml4jCli.InputException(file + ": an experiment file is a map of keys; allowed"
          + " keys: " + String.join(", ", KEYS));
    }
    ExperimentFile f = new ExperimentFile(file, root, lines);
    f.checkKeys(root, "", KEYS);
    return f;
  }

  /** Plugin folders or jars named by the file (absolute), to load before {@link #resolve}. */
  public List<Path> plugins() {
    return List.copyOf(plugins);
  }

  /** The experiment, with couplings and baselines checked against the registry. */
  public Experiment resolve(CouplingRegistry reg, List<String> allBaselines) {
    String name = text("name", defaultName());
    String suite = text("suite", "quick");
    int replicates = (int) number("replicates", Experiment.SUITES.contains(suite)
        ? Experiment.defaultReplicates(suite) : 1, 1, 100);
    int threads = (int) number("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
    long seed = number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    List<String> tasks = root.has("tasks") ? strings("tasks") : null;
    List<SiteSpec> sites = new ArrayList<>();
    JsonNode s = root.get("sites");
    if (s != null && !s.isNull()) {
      if (!s.isArray()) {
        throw error("/sites", "sites must be a list of entries with keys "
            + String.join(", ", SITE_KEYS));
      }
      for (int i = 0; i < s.size(); i++) {
        sites.add(site(s.get(i), "/sites/" + i));
      }
    }
    List<String> baselines = root.has("baselines")
        ? Selection.baselines(strings("baselines"), allBaselines, where("/baselines"))
        : allBaselines;
    Map<String, Record> couplings = couplings(reg);
    String out = text("out", null);
    return new Experiment(name, suite, tasks, sites, couplings, baselines, replicates, seed,
        threads, plugins, out == null ? null : dir().resolve(out).normalize());
  }

  private Map<String, Record> couplings(CouplingRegistry reg) {
    JsonNode c = root.get("couplings");
    if (c == null) {
      return Selection.couplings(reg, null, Map.of(), where("/couplings"));
    }
    if (c.isNull()) {
      return Map.of();
    }
    if (!c.isObject()) {
      throw error("/couplings", "couplings must be a map of registered coupling names (or"
          + " prefixes ending in *) to their settings; registered: "
          + String.join(", ", reg.names()));
    }
    List<String> names = new ArrayList<>();
    Map<String, Record> explicit = new LinkedHashMap<>();
    c.fields().forEachRemaining(e -> {
      String key = e.getKey();
      String ptr = "/couplings/" + key.replace("~", "~0").replace("/", "~1");
      names.add(key);
      if (key.endsWith("*")) {
        if (e.getValue() != null && !e.getValue().isNull() && !e.getValue().isEmpty()) {
          throw error(ptr, "the pattern '" + key + "' takes no settings; name each coupling"
              + " to set its settings");
        }
        return;
      }
      if (!reg.names().contains(key)) {
        throw error(ptr, "unknown coupling '" + key + "'; registered: "
            + String.join(", ", reg.names()));
      }
      explicit.put(key, SettingsCodec.fromTree(reg.entry(key).factory(), reg.settings(key),
          e.getValue(), where(ptr)));
    });
    return Selection.couplings(reg, names, explicit, where("/couplings"));
  }

  private SiteSpec site(JsonNode n, String ptr) {
    if (!n.isObject()) {
      throw error(ptr, "a sites entry is a map with keys " + String.join(", ", SITE_KEYS));
    }
    checkKeys(n, ptr, SITE_KEYS);
    JsonNode f = n.get("file");
    if (f == null || !f.isTextual()) {
      throw error(ptr, "a sites entry needs file: PATH");
    }
    Map<String, Double> fix = new LinkedHashMap<>();
    JsonNode fx = n.get("fix");
    if (fx != null && !fx.isNull()) {
      if (!fx.isObject()) {
        throw error(ptr + "/fix", "fix must be a map of parameter names to numbers");
      }
      fx.fields().forEachRemaining(e -> {
        if (!e.getValue().isNumber()) {
          throw error(ptr + "/fix/" + e.getKey(), "fix " + e.getKey() + " must be a number, got "
              + e.getValue());
        }
        fix.put(e.getKey(), e.getValue().doubleValue());
      });
    }
    return new SiteSpec(dir().resolve(f.asText()).normalize(), optText(n, "window"),
        optText(n, "split"), stringList(n.get("observe"), ptr + "/observe"),
        stringList(n.get("predict"), ptr + "/predict"), fix);
  }

  private String optText(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private void checkKeys(JsonNode n, String ptr, List<String> allowed) {
    n.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw error(ptr + "/" + k, "unknown key '" + k + "'" + (ptr.isEmpty() ? "" : " in "
            + ptr.substring(1).replace('/', '.')) + "; allowed keys: "
            + String.join(", ", allowed));
      }
    });
  }

  private String text(String key, String dflt) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw error("/" + key, key + " must be text, got " + v);
    }
    return v.asText();
  }

  private long number(String key, long dflt, long lo, long hi) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < lo || v.asLong() > hi) {
      throw error("/" + key, key + " must be an integer" + (lo == Long.MIN_VALUE ? ""
          : " in [" + lo + ", " + hi + "]") + ", got " + v);
    }
    return v.asLong();
  }

  private List<String> strings(String key) {
    return stringList(root.get(key), "/" + key);
  }

  private List<String> stringList(JsonNode v, String ptr) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      for (String s : v.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }
    if (!v.isArray()) {
      throw error(ptr, ptr.substring(ptr.lastIndexOf('/') + 1) + " must be a list of names, got "
          + v);
    }
    v.forEach(x -> {
      if (!x.isTextual()) {
        throw error(ptr, ptr.substring(ptr.lastIndexOf('/') + 1) + " must be a list of names,"
            + " got " + x);
      }
      out.add(x.asText());
    });
    return out;
  }

  private String defaultName() {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private Path dir() {
    Path p = file.toAbsolutePath().getParent();
    return p == null ? Path.of(".") : p;
  }

  private String where(String ptr) {
    Integer l = lines.get(ptr);
    return file + (l != null ? " line " + l : "");
  }

  private org.cml4j.cli.Cml4jCli.InputException error(String ptr, String msg) {
    return new org.cml4j.cli.Cml4jCli.InputException(where(ptr) + ": " + msg);
  }
}
