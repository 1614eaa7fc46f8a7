package org.cml4j.cli.estimate;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.cli.SiteRequest;
import org.cml4j.lsm.estimation.Prior;
import org.cml4j.lsm.experiment.SiteInitialState;
import org.cml4j.lsm.experiment.SitePriors;
import org.cml4j.lsm.model.Output;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code cml4j estimate} that apply to site runs only (a picocli mixin): the window
 * ({@code --start}, {@code --end}), the outputs fitted and scored, a fixed albedo, the
 * fit/validation split and the stated priors. Their defaults are in {@link SiteFitOptions}.
 */
public final class SiteOptions {
  @Spec
  CommandSpec self; // this mixin's own options, for the site-only check

  @Option(names = "--start", paramLabel = "T", converter = Converters.Time.class,
      description = "Window start (site runs), e.g. 2012-05-01 or 2012-05-01T06:30 (UTC), or "
          + "with an offset as in the site files: 2012-07-01T00:00-07:00.")
  OffsetDateTime start;

  @Option(names = "--end", paramLabel = "T", converter = Converters.Time.class,
      description = "Window end (site runs, exclusive); same formats as --start.")
  OffsetDateTime end;

  @Option(names = "--observe", paramLabel = "A,B", split = ",", converter = Converters.Out.class,
      description = "Outputs to fit (site runs): SoilTemp_<depth m>, SurfTemp, Qg, LWup, QhQle, "
          + "Rnet.")
  List<Output> observe = new ArrayList<>();

  @Option(names = "--predict", paramLabel = "X,Y", split = ",", converter = Converters.Out.class,
      description = "Outputs to score but not fit (site runs).")
  List<Output> predict = new ArrayList<>();

  @Option(names = "--albedo", paramLabel = "A", description = "Fixed albedo when alpha is not "
      + "fitted (site runs).")
  Double albedo;

  @Option(names = "--split", paramLabel = "F",
      description = "Site runs: fraction of the window fitted, in (0, 1); the rest is validation. "
          + "Default: the preset's split, else 0.75.")
  Double split;

  @Option(names = "--fit-until", paramLabel = "T", converter = Converters.Time.class,
      description = "Site runs: end of the fit period (exclusive; same formats as --start), "
          + "instead of --split.")
  OffsetDateTime fitUntil;

  @Option(names = "--prior", paramLabel = "P,Q",
      description = "Site runs: stated Gaussian priors added to the loss: none, tb-deep (Tb ~ "
          + "N(fit-period mean of the deepest fitted soil temperature, 3 K)), tb-air (Tb ~ N(mean "
          + "air temperature, 3 K)), texture (ln lambda, ln C within mineral-soil ranges), all, or "
          + "a comma list. Default: tb-deep,texture (chosen by measurement).")
  String prior;

  @Option(names = "--prior-weight", paramLabel = "W",
      description = "Site runs: weight of a one-sigma prior departure in K^2 of squared "
          + "residuals. Default: 6 (0.5 K error, one independent residual per day).")
  Double priorWeight;

  /**
   * Checks the options against the kind of run.
   *
   * @param cl the command line, for the messages
   * @param siteRun whether this is a site run
   * @param experiment the experiment named in the message when site options are given without one
   * @throws ParameterException naming the site-only options given to a synthetic run, an albedo
   *     outside [0, 1], or an end not after the start
   */
  void check(CommandLine cl, boolean siteRun, Experiment experiment) {
    if (!siteRun) {
      List<String> given = new ArrayList<>();
      for (OptionSpec o : self.options()) {
        if (cl.getParseResult().hasMatchedOption(o.longestName())) {
          given.add(o.longestName());
        }
      }
      if (!given.isEmpty()) {
        throw new ParameterException(cl, String.join(", ", given) + " apply to site runs "
            + "only, not to " + experiment.id());
      }
    }
    if (albedo != null && !(albedo >= 0 && albedo <= 1)) {
      throw new ParameterException(cl, "--albedo must be in [0, 1], got " + albedo);
    }
    if (start != null && end != null && !end.isAfter(start)) {
      throw new ParameterException(cl, "--end " + end + " is not after --start " + start);
    }
  }

  /**
   * The split, initial state and priors of a site run, with the measured defaults for what was
   * not given.
   *
   * @param initialState the {@code --initial-state} text, or null
   * @throws ParameterException naming the option whose value is not allowed
   */
  SiteFitOptions fitOptions(CommandLine cl, String initialState) {
    SiteInitialState is = SiteFitOptions.DEFAULT_INITIAL;
    var pr = SiteFitOptions.DEFAULT_PRIORS;
    try {
      if (initialState != null) {
        is = SiteInitialState.parse(initialState);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--initial-state: " + e.getMessage());
    }
    try {
      if (prior != null) {
        pr = SitePriors.parse(prior);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--prior: " + e.getMessage());
    }
    try {
      return new SiteFitOptions(split, fitUntil, is, pr,
          priorWeight == null ? Prior.DEFAULT_WEIGHT : priorWeight);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
  }

  /** The request of a site run of a named experiment or of a site file. */
  SiteRequest request(String experiment, Path site, Path dataDir, EstimationSettings settings) {
    return new SiteRequest(experiment, site, dataDir, start, end, List.copyOf(observe),
        List.copyOf(predict), albedo, settings);
  }
}
