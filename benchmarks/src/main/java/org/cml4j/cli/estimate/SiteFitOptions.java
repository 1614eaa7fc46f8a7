package org.cml4j.cli.estimate;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.cml4j.lsm.estimation.Prior;
import org.cml4j.lsm.experiment.SiteInitialState;
import org.cml4j.lsm.experiment.SitePriors;

/**
 * Site-run options of {@code cml4j estimate}: the fit/validation split, the initial state and the
 * stated priors. The defaults were chosen by measurement (docs/SITE_ESTIMATION.md, "Choosing the
 * defaults"): on five 7-day Bondville 1998 windows, fitting 4 + 8 cm and predicting 16 and 32 cm,
 * the interpolated initial state with the tb-deep and texture priors had the lowest mean RMSE at
 * 16 cm (0.44 K) and the second lowest at 32 cm (0.57 K; a 7-day spin-up with the same priors
 * 0.51 K at 32 cm but 0.55 K at 16 cm, at twice the cost), against 0.54 / 1.15 K with no prior and
 * 0.82 / 1.47 K with the uniform initial state and no prior.
 *
 * @param split fraction of the window fitted, in (0, 1), or null (see {@code fitUntil})
 * @param fitUntil end of the fit period (exclusive), or null; at most one of split and fitUntil
 * @param initial initial state
 * @param priors stated priors (empty = none)
 * @param priorWeight prior weight w [K^2]
 */
public record SiteFitOptions(Double split, OffsetDateTime fitUntil, SiteInitialState initial,
    Set<SitePriors.Choice> priors, double priorWeight) {
  /** Fit fraction when neither --split nor --fit-until is given. */
  public static final double DEFAULT_SPLIT = 0.75;
  /** Measured default initial state. */
  public static final SiteInitialState DEFAULT_INITIAL = SiteInitialState.INTERPOLATED;
  /** Measured default priors. */
  public static final Set<SitePriors.Choice> DEFAULT_PRIORS =
      java.util.Collections.unmodifiableSet(EnumSet.of(SitePriors.Choice.TB_DEEP,
          SitePriors.Choice.TEXTURE));

  public SiteFitOptions {
    if (split != null && fitUntil != null) {
      throw new IllegalArgumentException("give --split or --fit-until, not both");
    }
    if (split != null && !(split > 0 && split < 1)) {
      throw new IllegalArgumentException("--split is the fitted fraction of the window, allowed"
          + " (0, 1) exclusive, got " + split);
    }
    if (!(priorWeight > 0 && Double.isFinite(priorWeight))) {
      throw new IllegalArgumentException("--prior-weight must be a positive number of K^2, got "
          + priorWeight);
    }
    priors = priors.isEmpty() ? EnumSet.noneOf(SitePriors.Choice.class) : EnumSet.copyOf(priors);
  }

  /**
   * The options of a site run from the command-line values, the measured defaults for those not
   * given (null).
   *
   * @throws IllegalArgumentException naming the option whose value is not allowed
   */
  public static SiteFitOptions parse(Double split, OffsetDateTime fitUntil, String initialState,
      String priors, Double priorWeight) {
    SiteInitialState initial = DEFAULT_INITIAL;
    Set<SitePriors.Choice> pr = DEFAULT_PRIORS;
    try {
      if (initialState != null) {
        initial = SiteInitialState.parse(initialState);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--initial-state: " + e.getMessage(), e);
    }
    try {
      if (priors != null) {
        pr = SitePriors.parse(priors);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--prior: " + e.getMessage(), e);
    }
    return new SiteFitOptions(split, fitUntil, initial, pr,
        priorWeight == null ? Prior.DEFAULT_WEIGHT : priorWeight);
  }

  /** The measured defaults. */
  public static SiteFitOptions defaults() {
    return new SiteFitOptions(null, null, DEFAULT_INITIAL, DEFAULT_PRIORS, Prior.DEFAULT_WEIGHT);
  }

  /**
   * Fitted hourly levels of a window of {@code hours} levels starting at {@code start}: from
   * --fit-until, else --split, else {@code presetFit} if not negative, else 75 % (at least 2).
   *
   * @throws IllegalArgumentException when --split or --fit-until leaves fewer than 2 levels
   *     fitted or none to validate, naming the option and the window
   */
  public int fitHours(java.time.Instant start, java.time.Instant end, int presetFit) {
    int hours = (int) java.time.Duration.between(start, end).toHours();
    int fit;
    String what;
    if (fitUntil != null) {
      java.time.Instant u = fitUntil.toInstant();
      if (!u.isAfter(start) || !u.isBefore(end)) {
        throw new IllegalArgumentException("--fit-until " + fitUntil + " must lie inside the"
            + " window " + start + " .. " + end + " (after the start, before the end)");
      }
      fit = (int) java.time.Duration.between(start, u).toHours();
      what = "--fit-until " + fitUntil;
    } else if (split != null) {
      fit = (int) Math.round(hours * split);
      what = "--split " + split;
    } else if (presetFit < 0) {
      // the default split: a too short window is reported by the experiment (naming the file)
      return Math.max(2, (int) Math.round(hours * DEFAULT_SPLIT));
    } else {
      return presetFit;
    }
    if (fit < 2 || fit >= hours) {
      throw new IllegalArgumentException(what + " fits " + fit + " of the " + hours + " hourly"
          + " levels of " + start + " .. " + end + ": need at least 2 fitted and 1 validated");
    }
    return fit;
  }
}
