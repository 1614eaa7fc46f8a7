package org.cml4j.lsm.experiment;

import java.util.Locale;

/**
 * How a site run's soil column starts.
 *
 * <ul>
 *   <li>{@code UNIFORM}: T(z, 0) = Tb everywhere (Huang et al. 2025).</li>
 *   <li>{@code INTERPOLATED}: the temperatures observed at the window's first level, interpolated
 *       linearly in depth, blended linearly to Tb at 1 m
 *       ({@link org.cml4j.lsm.model.InitialState#fromObservedPoints}).</li>
 *   <li>{@code SPINUP}: the model is run over the {@code count} days of forcing before the window
 *       (read from the same file), starting from the profile interpolated from the observations
 *       {@code count} days before the window start; the spin-up is part of every model run, so
 *       it uses the parameters being fitted.</li>
 *   <li>{@code CYCLED}: the window's first day of forcing is run {@code count} times before the
 *       window, starting from the interpolated profile at the window start.</li>
 * </ul>
 *
 * @param kind the choice
 * @param count days of spin-up or cycles of day 1 (0 for UNIFORM and INTERPOLATED)
 */
public record SiteInitialState(Kind kind, int count) {
  /** The choices. */
  public enum Kind { UNIFORM, INTERPOLATED, SPINUP, CYCLED }

  /** Default spin-up length [days] and number of cycles. */
  public static final int DEFAULT_COUNT = 7;
  /** Largest spin-up length [days] / number of cycles accepted. */
  public static final int MAX_COUNT = 60;

  public static final SiteInitialState INTERPOLATED = new SiteInitialState(Kind.INTERPOLATED, 0);
  public static final SiteInitialState UNIFORM = new SiteInitialState(Kind.UNIFORM, 0);

  public SiteInitialState {
    boolean counted = kind == Kind.SPINUP || kind == Kind.CYCLED;
    if (counted && (count < 1 || count > MAX_COUNT)) {
      throw new IllegalArgumentException("initial state " + kind.name().toLowerCase(Locale.ROOT)
          + ": count " + count + " out of range, allowed 1.." + MAX_COUNT);
    }
    if (!counted && count != 0) {
      throw new IllegalArgumentException("initial state " + kind.name().toLowerCase(Locale.ROOT)
          + " takes no count");
    }
  }

  /** Hourly levels run before the window. */
  public int leadLevels() {
    return kind == Kind.SPINUP || kind == Kind.CYCLED ? 24 * count : 0;
  }

  /**
   * Parses {@code uniform} (alias {@code tb}), {@code interpolated}, {@code spinup[:DAYS]},
   * {@code cycled[:K]} (default 7), failing with the allowed forms.
   */
  public static SiteInitialState parse(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    String[] p = v.split(":", 2);
    String allowed = "allowed: uniform (alias tb), interpolated, spinup[:DAYS], cycled[:K] with 1.."
        + MAX_COUNT;
    Kind k;
    switch (p[0]) {
      case "uniform": case "tb": k = Kind.UNIFORM; break;
      case "interpolated": k = Kind.INTERPOLATED; break;
      case "spinup": k = Kind.SPINUP; break;
      case "cycled": k = Kind.CYCLED; break;
      default: throw new IllegalArgumentException("unknown initial state '" + s + "'; " + allowed);
    }
    boolean counted = k == Kind.SPINUP || k == Kind.CYCLED;
    if (p.length == 1) {
      return new SiteInitialState(k, counted ? DEFAULT_COUNT : 0);
    }
    if (!counted) {
      throw new IllegalArgumentException("initial state '" + s + "' takes no count; " + allowed);
    }
    int n;
    try {
      n = Integer.parseInt(p[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("initial state '" + s + "': '" + p[1]
          + "' is not a whole number; " + allowed);
    }
    if (n < 1 || n > MAX_COUNT) {
      throw new IllegalArgumentException("initial state '" + s + "': " + n + " out of range; "
          + allowed);
    }
    return new SiteInitialState(k, n);
  }

  /** Short id, e.g. "spinup:7". */
  public String id() {
    String k = kind.name().toLowerCase(Locale.ROOT);
    return count == 0 ? k : k + ":" + count;
  }

  /** One sentence for reports. */
  public String describe() {
    switch (kind) {
      case UNIFORM: return "Initial state uniform: T = Tb at every node.";
      case INTERPOLATED: return "Initial state interpolated: the first level's observed"
          + " temperatures interpolated in depth, blended linearly to Tb at 1 m.";
      case SPINUP: return "Initial state spinup:" + count + ": the model is run over the " + count
          + " days of forcing before the window, from the observed profile (blended to Tb) at"
          + " their start.";
      default: return "Initial state cycled:" + count + ": the window's first day of forcing is run "
          + count + " times before the window, from the observed profile (blended to Tb) at the"
          + " window start.";
    }
  }
}
