package org.cml4j.cli.report;

import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.core.provenance.Provenance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.IdentifiabilityReport;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.PredictionScore;

/**
 * Writes {@code results.json}: the whole {@link EstimationOutcome} plus provenance. Every number
 * written is finite: a non-finite value is written as {@code null}, and each place that can hold
 * one says why next to it (an unbounded standard error is a parameter the observations do not
 * identify; a failed start has no loss and carries its {@code failure} reason).
 */
public final class ResultsJsonWriter {
  public static final String FILE = "results.json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes DIR/results.json and returns its path. */
  public Path write(Path dir, EstimationOutcome o, Provenance prov) throws IOException {
    Path target = dir.resolve(FILE);
    byte[] bytes = mapper.writeValueAsBytes(toJson(o, prov));
    AtomicFiles.write(target, bytes);
    return target;
  }

  /** The JSON tree. */
  public ObjectNode toJson(EstimationOutcome o, Provenance prov) {
    ObjectNode root = F.objectNode();
    root.put("experiment", o.experiment());
    root.put("description", o.description());
    root.put("solver", o.solver());
    root.put("stepSolver", o.stepSolver());
    ArrayNode params = root.putArray("parameters");
    for (int i = 0; i < o.parameters().size(); i++) {
      ObjectNode p = params.addObject();
      p.put("name", o.parameters().get(i));
      p.put("unit", o.units().get(i));
    }
    root.put("best", o.best());
    long failed = o.starts().stream().filter(MultiStart::isFailed).count();
    root.put("failedStarts", failed);
    ArrayNode starts = root.putArray("starts");
    for (int i = 0; i < o.starts().size(); i++) {
      starts.add(start(i, o.parameters(), o.starts().get(i)));
    }
    ObjectNode summary = root.putObject("summary");
    for (Map.Entry<String, Map<String, Double>> e : o.summary().entrySet()) {
      summary.set(e.getKey(), map(e.getValue()));
    }
    root.set("identifiability", o.identifiability() == null ? F.nullNode()
        : identifiability(o.identifiability()));
    ArrayNode scores = root.putArray("scores");
    for (PredictionScore s : o.scores()) {
      ObjectNode n = scores.addObject();
      n.put("variable", s.variable());
      n.put("unit", s.unit());
      n.put("period", s.period());
      n.set("rmse", num(s.rmse()));
      n.set("bias", num(s.bias()));
      n.put("n", s.n());
    }
    root.set("published", map(o.published()));
    root.put("publishedNote", o.publishedNote());
    root.set("wallSeconds", num(o.wallSeconds()));
    if (prov != null) {
      ObjectNode p = root.putObject("provenance");
      p.put("cml4jVersion", prov.version());
      p.put("java", prov.java());
      p.put("os", prov.os());
      p.put("availableProcessors", prov.processors());
      p.put("date", prov.date());
      p.put("gitCommit", prov.gitCommit());
      ArrayNode args = p.putArray("arguments");
      prov.arguments().forEach(args::add);
      ObjectNode in = p.putObject("inputSha256");
      prov.inputs().forEach(in::put);
    }
    return root;
  }

  private static ObjectNode start(int index, List<String> names, FitResult r) {
    ObjectNode n = F.objectNode();
    n.put("index", index);
    ObjectNode init = n.putObject("initial");
    for (int i = 0; i < names.size() && i < r.initial().length; i++) {
      init.set(names.get(i), num(r.initial()[i]));
    }
    n.set("final", map(r.named()));
    n.set("loss", num(r.loss()));
    n.put("iterations", r.iterations());
    n.put("gradientEvaluations", r.gradientEvaluations());
    n.put("forwardEvaluations", r.forwardEvaluations());
    n.put("converged", r.converged());
    n.put("stopReason", r.stopReason());
    if (MultiStart.isFailed(r)) {
      n.put("failed", true);
      n.put("failure", r.stopReason().substring(MultiStart.FAILED.length()));
    }
    n.set("wallSeconds", num(r.wallSeconds()));
    return n;
  }

  private static ObjectNode identifiability(IdentifiabilityReport d) {
    ObjectNode n = F.objectNode();
    ArrayNode names = n.putArray("names");
    d.names().forEach(names::add);
    n.set("values", arr(d.values()));
    n.set("sigma", num(d.sigma()));
    n.put("sigmaSource", d.sigmaSource());
    n.set("eigenvalues", arr(d.eigenvalues()));
    n.set("eigenvectors", mat(d.eigenvectors()));
    n.set("standardErrors", arr(d.standardErrors()));
    n.put("standardErrorNote", "relative (of ln value) for positive parameters, kelvin for Tb; "
        + "null = unbounded: the Fisher matrix is singular along that parameter, which these "
        + "observations do not identify");
    n.set("correlation", mat(d.correlation()));
    n.put("correlationNote", "null where a standard error is unbounded (not identifiable)");
    ArrayNode ok = n.putArray("identifiable");
    for (boolean b : d.identifiable()) {
      ok.add(b);
    }
    n.set("conditionNumber", num(d.conditionNumber()));
    if (!Double.isFinite(d.conditionNumber())) {
      n.put("conditionNumberNote", "null = unbounded: the Fisher matrix is singular");
    }
    ArrayNode weak = n.putArray("weakDirections");
    d.weakDirections().forEach(weak::add);
    n.put("verdict", d.verdict());
    if (d.reduced() != null) {
      n.set("reduced", identifiability(d.reduced()));
    }
    return n;
  }

  /** A finite number, or null for NaN and infinities (the caller writes why next to it). */
  public static JsonNode num(double v) {
    return Double.isFinite(v) ? F.numberNode(v) : F.nullNode();
  }

  private static ArrayNode arr(double[] v) {
    ArrayNode a = F.arrayNode();
    if (v != null) {
      for (double x : v) {
        a.add(num(x));
      }
    }
    return a;
  }

  private static ArrayNode mat(double[][] m) {
    ArrayNode a = F.arrayNode();
    if (m != null) {
      for (double[] row : m) {
        a.add(arr(row));
      }
    }
    return a;
  }

  private static ObjectNode map(Map<String, Double> m) {
    ObjectNode n = F.objectNode();
    if (m != null) {
      m.forEach((k, v) -> n.set(k, v == null ? F.nullNode() : num(v)));
    }
    return n;
  }
}
