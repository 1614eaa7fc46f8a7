package org.cml4j.core.vars;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable table of named, unit-carrying series on one regular time axis (epoch seconds, fixed
 * step). NaN marks a missing value. Frames are how forcing, observations, intermediate variables
 * and predictions travel between couplings and pipeline stages; every "with" returns a new frame
 * and never silently overwrites a variable.
 */
public final class Frame {
  private final long[] times;
  private final long stepSeconds;
  private final Map<String, Column> columns;

  private record Column(VariableSpec spec, double[] values) {}

  private Frame(long[] times, long stepSeconds, Map<String, Column> columns) {
    this.times = times;
    this.stepSeconds = stepSeconds;
    this.columns = columns;
  }

  /** An empty frame on the given axis. */
  public static Frame onAxis(long[] epochSeconds, long stepSeconds) {
    if (stepSeconds <= 0) {
      throw new IllegalArgumentException("time step must be > 0 s, got " + stepSeconds);
    }
    for (int i = 1; i < epochSeconds.length; i++) {
      if (epochSeconds[i] - epochSeconds[i - 1] != stepSeconds) {
        throw new IllegalArgumentException("irregular time axis at record " + i + ": step "
            + (epochSeconds[i] - epochSeconds[i - 1]) + " s, expected " + stepSeconds + " s");
      }
    }
    return new Frame(epochSeconds.clone(), stepSeconds, new LinkedHashMap<>());
  }

  /** An empty frame of {@code n} steps starting at t = 0 with the given step. */
  public static Frame regular(int n, long stepSeconds) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * stepSeconds;
    }
    return onAxis(t, stepSeconds);
  }

  /** Number of time steps. */
  public int size() {
    return times.length;
  }

  /** Time step in seconds. */
  public long stepSeconds() {
    return stepSeconds;
  }

  /** Copy of the time axis (epoch seconds). */
  public long[] times() {
    return times.clone();
  }

  /** Hours since the first record. */
  public double[] hours() {
    double[] h = new double[times.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = (times[i] - times[0]) / 3600.0;
    }
    return h;
  }

  /** Variable names in insertion order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(columns.keySet());
  }

  /** Specs in insertion order. */
  public List<VariableSpec> specs() {
    return columns.values().stream().map(Column::spec).toList();
  }

  /** True if the frame has the variable. */
  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /** Spec of a variable; throws listing the available ones. */
  public VariableSpec spec(String name) {
    return column(name).spec();
  }

  /** Copy of a variable's values. */
  public double[] values(String name) {
    return column(name).values().clone();
  }

  /** Values of a variable over [from, to). */
  public double[] values(String name, int from, int to) {
    return Arrays.copyOfRange(column(name).values(), from, to);
  }

  /** Values of a variable, checking its unit. */
  public double[] values(VariableSpec spec) {
    Column c = column(spec.name());
    if (!c.spec().unit().equals(spec.unit())) {
      throw new IllegalArgumentException("variable " + spec.name() + " is in " + c.spec().unit()
          + " but " + spec.unit() + " was asked for");
    }
    return c.values().clone();
  }

  /** Number of non-NaN values of a variable within [from, to). */
  public int countValid(String name, int from, int to) {
    double[] v = column(name).values();
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(v[i])) {
        n++;
      }
    }
    return n;
  }

  /** The non-NaN values at one step, by variable (e.g. step 0: a model's initial state). */
  public Map<String, Double> finiteAt(int step) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String v : names()) {
      double x = column(v).values()[step];
      if (!Double.isNaN(x)) {
        m.put(v, x);
      }
    }
    return m;
  }

  /** A new frame with one more variable; fails if the name exists or the length differs. */
  public Frame with(VariableSpec spec, double[] values) {
    if (columns.containsKey(spec.name())) {
      throw new IllegalArgumentException("frame already has variable " + spec.name()
          + "; use replace(...) to overwrite it deliberately");
    }
    return put(spec, values);
  }

  /** A new frame with one more standard variable (unit from {@link Variables}). */
  public Frame with(String name, double[] values) {
    return with(VariableSpec.of(name), values);
  }

  /** A new frame where an existing variable is replaced (same name, any unit). */
  public Frame replace(VariableSpec spec, double[] values) {
    if (!columns.containsKey(spec.name())) {
      throw new IllegalArgumentException("cannot replace missing variable " + spec.name()
          + "; frame has " + columns.keySet());
    }
    return put(spec, values);
  }

  /** A new frame holding this frame's variables plus all of {@code other}'s (same axis). */
  public Frame merge(Frame other) {
    if (!Arrays.equals(times, other.times)) {
      throw new IllegalArgumentException("cannot merge frames on different time axes ("
          + size() + " vs " + other.size() + " steps)");
    }
    Frame f = this;
    for (Column c : other.columns.values()) {
      f = f.with(c.spec(), c.values());
    }
    return f;
  }

  /** A new frame with only the named variables (in the given order). */
  public Frame select(Collection<String> names) {
    Map<String, Column> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, column(n));
    }
    return new Frame(times, stepSeconds, m);
  }

  /** A new frame without the named variables (missing names are ignored). */
  public Frame drop(Collection<String> names) {
    Map<String, Column> m = new LinkedHashMap<>(columns);
    names.forEach(m::remove);
    return new Frame(times, stepSeconds, m);
  }

  /** The steps [from, to). */
  public Frame slice(int from, int to) {
    if (from < 0 || to > size() || from >= to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of a frame of "
          + size() + " steps");
    }
    Map<String, Column> m = new LinkedHashMap<>();
    columns.forEach((k, c) -> m.put(k, new Column(c.spec(), Arrays.copyOfRange(c.values(), from,
        to))));
    return new Frame(Arrays.copyOfRange(times, from, to), stepSeconds, m);
  }

  /** The same frame with every value at index >= {@code from} set to NaN (hides the future). */
  public Frame maskedFrom(int from) {
    Map<String, Column> m = new LinkedHashMap<>();
    columns.forEach((k, c) -> {
      double[] v = c.values().clone();
      Arrays.fill(v, Math.min(from, v.length), v.length, Double.NaN);
      m.put(k, new Column(c.spec(), v));
    });
    return new Frame(times, stepSeconds, m);
  }

  /** Row-major matrix [time][variable] of the named variables. */
  public double[][] matrix(List<String> names) {
    double[][] out = new double[size()][names.size()];
    for (int j = 0; j < names.size(); j++) {
      double[] v = column(names.get(j)).values();
      for (int i = 0; i < v.length; i++) {
        out[i][j] = v[i];
      }
    }
    return out;
  }

  /** SHA-256 over the axis, names, units and values: a data fingerprint for provenance. */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(8);
      for (long t : times) {
        md.update(b.clear().putLong(t).array());
      }
      for (Column c : columns.values()) {
        md.update(c.spec().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (double x : c.values()) {
          md.update(b.clear().putDouble(x).array());
        }
      }
      StringBuilder sb = new StringBuilder();
      for (byte x : md.digest()) {
        sb.append(String.format("%02x", x));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Frame put(VariableSpec spec, double[] values) {
    if (values.length != times.length) {
      throw new IllegalArgumentException("variable " + spec.name() + " has " + values.length
          + " values but the frame has " + times.length + " time steps");
    }
    Map<String, Column> m = new LinkedHashMap<>(columns);
    m.put(spec.name(), new Column(spec, values.clone()));
    return new Frame(times, stepSeconds, m);
  }

  private Column column(String name) {
    Column c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no variable '" + name + "' in frame; it has "
          + columns.keySet());
    }
    return c;
  }

  @Override
  public String toString() {
    return "Frame[" + size() + " x " + stepSeconds + " s: " + specs() + "]";
  }
}
