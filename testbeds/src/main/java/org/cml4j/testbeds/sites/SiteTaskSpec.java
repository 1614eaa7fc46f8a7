package org.cml4j.testbeds.sites;

import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.testbeds.twin.StructuralTwin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.data.IsoTimes;

/**
 * An own-site benchmark task (family {@value SiteTaskBuilder#FAMILY}), as given by {@code ./cml4j bench
 * --site FILE --window START/END --split a,b --observe .. --predict .. --fix name=value} or by a
 * {@code sites:} entry of an experiment file (keys {@code file, window, split, observe, predict,
 * fix}). Build the task with {@link SiteTaskBuilder#build(SiteTaskSpec, long,
 * org.cml4j.core.spi.Budget)}:
 * <pre>{@code
 * SiteTaskSpec spec = SiteTaskSpec.parse("bv.csv", "1998-10-01/1998-10-15", "0.5,0.15",
 *     List.of("SoilTemp_0.04", "SoilTemp_0.08"), List.of("SoilTemp_0.16"), Map.of());
 * BenchTask task = SiteTaskBuilder.build(spec, 42, Budget.tiny());
 * }</pre>
 *
 * @param file a site file {@link org.cml4j.lsm.data.SiteDataReaders} reads (site CSV, ALMA
 *     netCDF, Noah text)
 * @param start first hour of the window (the offset the user wrote is kept for reports)
 * @param end end of the window (exclusive)
 * @param split how the window's hourly levels divide into train, validation and test
 * @param observe variables the couplings see over train and validation (file names; a soil
 *     temperature {@code SoilTemp_<m>} matches the file's column of the same depth), scored on
 *     the test period
 * @param predict variables never shown to the couplings, scored on the test period
 * @param fix mechanism parameters known a priori (not fitted), checked against their
 *     {@link ParameterInfo} bounds
 */
public record SiteTaskSpec(Path file, OffsetDateTime start, OffsetDateTime end, Split split,
    List<String> observe, List<String> predict, Map<String, Double> fix) {

  /** Split of a window when none is given: half train, 15 % validation, the rest test. */
  public static final String DEFAULT_SPLIT = "0.5,0.15";

  public SiteTaskSpec {
    if (file == null) {
      throw new IllegalArgumentException("site: no file given");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window of " + file + ": end " + end
          + " is not after start " + start);
    }
    observe = List.copyOf(observe);
    predict = List.copyOf(predict == null ? List.of() : predict);
    if (observe.isEmpty()) {
      throw new IllegalArgumentException("site " + file + ": give at least one variable to"
          + " observe (e.g. SoilTemp_0.04,SoilTemp_0.08)");
    }
    List<String> all = new ArrayList<>(observe);
    all.addAll(predict);
    if (new LinkedHashSet<>(all).size() != all.size()) {
      throw new IllegalArgumentException("site " + file + ": a variable is listed twice in"
          + " observe/predict " + all + "; observe a variable or predict it, not both");
    }
    for (String v : all) {
      if (v.isBlank()) {
        throw new IllegalArgumentException("site " + file + ": empty variable name in"
            + " observe/predict " + all);
      }
    }
    fix = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fix));
    fix.forEach((k, v) -> checkFix(k, v));
    if (split.dates()) {
      Instant a = split.trainEnd().toInstant();
      Instant b = split.validationEnd().toInstant();
      if (!a.isAfter(start.toInstant()) || !b.isAfter(a) || !end.toInstant().isAfter(b)) {
        throw new IllegalArgumentException("split " + split + " of " + file + ": need start "
            + start + " < end of training < end of validation < end " + end + " of the window");
      }
    }
  }

  /**
   * Parses and checks the textual form shared by the CLI and experiment files.
   *
   * @param file path of the site file
   * @param window {@code START/END} ({@link IsoTimes} forms; END exclusive)
   * @param split {@code a,b} fractions of the window for train and validation (a, b &gt; 0,
   *     a + b &lt; 1; the test is the rest), or {@code d1,d2} times ending train and validation;
   *     null or blank for {@value #DEFAULT_SPLIT}
   * @param observe observed variables (at least one)
   * @param predict predicted-only variables (may be empty or null)
   * @param fix parameter name to value (may be empty or null)
   * @throws IllegalArgumentException with a one-line message naming the file, key and range
   */
  public static SiteTaskSpec parse(String file, String window, String split, List<String> observe,
      List<String> predict, Map<String, String> fix) {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("site: no file given");
    }
    if (window == null || window.isBlank()) {
      throw new IllegalArgumentException("site " + file + ": no window given; write START/END,"
          + " e.g. 1998-10-01/1998-10-15 or 2012-05-01T00:00-07:00/2012-05-09T00:00-07:00");
    }
    String[] w = window.split("/", -1);
    if (w.length != 2) {
      throw new IllegalArgumentException("window '" + window + "' of " + file + ": write"
          + " START/END with one '/', e.g. 1998-10-01/1998-10-15");
    }
    OffsetDateTime a = time(w[0], "window", file);
    OffsetDateTime b = time(w[1], "window", file);
    Map<String, Double> fixed = new LinkedHashMap<>();
    if (fix != null) {
      fix.forEach((k, v) -> fixed.put(k.trim(), fixValue(k.trim(), v, file)));
    }
    return new SiteTaskSpec(Path.of(file), a, b, Split.parse(split == null || split.isBlank()
        ? DEFAULT_SPLIT : split, file), trimmed(observe), trimmed(predict), fixed);
  }

  /** Parses {@code name=value} pairs of repeated {@code --fix} options (order kept). */
  public static Map<String, String> fixPairs(List<String> pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String p : pairs == null ? List.<String>of() : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new IllegalArgumentException("fix '" + p + "': write name=value, e.g."
            + " alpha=0.2; parameters: " + parameterNames());
      }
      if (m.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("fix: parameter " + p.substring(0, eq).trim()
            + " given twice");
      }
    }
    return m;
  }

  /**
   * The task id: {@code site:<file name up to its first dot>:<start>}, the start as a date when
   * it is midnight UTC, else as written (ISO with offset).
   */
  public String id() {
    String f = file.getFileName().toString();
    int dot = f.indexOf('.');
    String stem = dot > 0 ? f.substring(0, dot) : f;
    String s = start.getOffset().equals(ZoneOffset.UTC) && start.toLocalTime().toSecondOfDay()
        == 0 ? start.toLocalDate().toString() : start.toString();
    return SiteTaskBuilder.FAMILY + ":" + stem + ":" + s;
  }

  /** Whole hours from start to end. */
  public int hours() {
    return (int) Duration.between(start, end).toHours();
  }

  /**
   * How the window divides: fractions of its hourly levels ({@code dates() == false}) or the
   * times ending training and validation.
   *
   * @param train fraction of the window for training (NaN for dates)
   * @param validation fraction for validation (NaN for dates)
   * @param trainEnd end of training (null for fractions)
   * @param validationEnd end of validation (null for fractions)
   */
  public record Split(double train, double validation, OffsetDateTime trainEnd,
      OffsetDateTime validationEnd) {
    /** Whether the split is given by dates. */
    public boolean dates() {
      return trainEnd != null;
    }

    /** Parses {@code a,b} (fractions) or {@code d1,d2} (times). */
    public static Split parse(String text, String file) {
      String[] p = text.split(",", -1);
      if (p.length != 2) {
        throw new IllegalArgumentException("split '" + text + "' of " + file + ": write two"
            + " values a,b (fractions of the window for train and validation, e.g. 0.5,0.15) or"
            + " two times d1,d2 ending train and validation");
      }
      Double a = number(p[0]);
      Double b = number(p[1]);
      if (a != null && b != null) {
        if (!(a > 0 && b > 0 && a + b < 1)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "split '%s' of %s:"
              + " need train > 0, validation > 0 and train + validation < 1 (the test period is"
              + " the rest), got %s + %s = %s", text, file, a, b, a + b));
        }
        return new Split(a, b, null, null);
      }
      return new Split(Double.NaN, Double.NaN, time(p[0], "split", file),
          time(p[1], "split", file));
    }

    /**
     * The split of {@code levels} hourly levels from {@code start}.
     *
     * @throws IllegalArgumentException if training gets fewer than 2 levels, or validation or
     *     test none
     */
    public TimeSplit resolve(Instant start, int levels, String file) {
      int a;
      int b;
      if (dates()) {
        a = (int) Duration.between(start, trainEnd.toInstant()).toHours();
        b = (int) Duration.between(start, validationEnd.toInstant()).toHours();
      } else {
        TimeSplit s = TimeSplit.fractions(levels, train, validation);
        a = s.trainEnd();
        b = s.validationEnd();
      }
      if (a < 2 || b <= a || b >= levels) {
        throw new IllegalArgumentException("split " + this + " of " + file + " gives " + a
            + " training, " + (b - a) + " validation and " + (levels - b) + " test hours of the"
            + " window's " + levels + "; need at least 2, 1 and 1");
      }
      return new TimeSplit(a, b, levels);
    }

    @Override
    public String toString() {
      return dates() ? trainEnd + "," + validationEnd : train + "," + validation;
    }
  }

  /** Names of the parameters that can be fixed. */
  public static List<String> parameterNames() {
    return LsmMechanism.huang2025().parameters().stream().map(ParameterInfo::name).toList();
  }

  private static void checkFix(String name, double v) {
    ParameterInfo p = LsmMechanism.huang2025().parameters().stream()
        .filter(i -> i.name().equals(name)).findFirst().orElseThrow(() ->
            new IllegalArgumentException("fix " + name + ": unknown parameter; parameters: "
                + parameterNames()));
    if (!(v >= p.lower() && v <= p.upper())) {
      throw new IllegalArgumentException("fix " + name + "=" + v + ": outside the allowed range"
          + " [" + p.lower() + ", " + p.upper() + "] " + p.unit());
    }
  }

  private static double fixValue(String name, String value, String file) {
    Double v = number(value);
    if (v == null) {
      throw new IllegalArgumentException("fix " + name + "=" + value + " (site " + file
          + "): not a number");
    }
    checkFix(name, v);
    return v;
  }

  private static Double number(String s) {
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static OffsetDateTime time(String s, String key, String file) {
    try {
      return IsoTimes.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " of " + file + ": " + e.getMessage());
    }
  }

  private static List<String> trimmed(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names == null ? List.<String>of() : names) {
      out.add(n.trim());
    }
    return out;
  }
}
