package org.cml4j.cli.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.CommonOptions;
import org.cml4j.cli.ConsoleProgress;
import org.cml4j.cli.DataOption;
import org.cml4j.cli.OutputFolder;
import org.cml4j.bench.ProgressListener;
import org.cml4j.cli.SiteEstimation;
import org.cml4j.cli.SiteRequest;
import org.cml4j.bench.report.PlotWriter;
import org.cml4j.core.provenance.Provenance;
import org.cml4j.cli.report.ReportMarkdownWriter;
import org.cml4j.cli.report.ResultsJsonWriter;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.ParameterSpace;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.solver.StepSolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cml4j estimate}: multi-start parameter estimation with results.json, report.md, plots. */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Estimates soil and surface parameters from observations by multi-start "
        + "inversion, and writes results.json, report.md and PNG plots.", "",
        "Examples:",
        "  cml4j estimate --experiment huang2025-2depth",
        "  cml4j estimate --experiment huang2025-2depth --solver adam --starts 50",
        "  cml4j estimate --experiment huang2025-1depth --noise 0.1 --seed 7"})
public final class EstimateCommand implements Callable<Integer> {
  /** Options that apply to site runs only, in the order an error message names them. */
  private static final List<String> SITE_ONLY = List.of("--start", "--end", "--observe",
      "--predict", "--albedo", "--split", "--fit-until", "--prior", "--prior-weight");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--experiment", paramLabel = "NAME", converter = Experiment.Converter.class,
      completionCandidates = Experiment.Ids.class,
      description = "Named experiment: ${COMPLETION-CANDIDATES}.")
  Experiment experiment;

  @Option(names = "--site", paramLabel = "FILE", description = "Site data file (site mode).")
  Path site;

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

  @Option(names = "--fit", paramLabel = "P,Q", split = ",", converter = Converters.Fit.class,
      description = "Parameters to fit: alpha, lambda, C, hbeta, Tb, eps, h, beta. Default for "
          + "huang2025: adam alpha,h,beta,lambda,Tb,C (the paper's); lm alpha,lambda,C,hbeta,Tb.")
  List<FitParam> fit = new ArrayList<>();

  @Option(names = "--solver", paramLabel = "adam|lm", defaultValue = "lm",
      converter = Converters.Solver.class,
      description = "Optimiser: adam (the paper's settings) or lm (Levenberg-Marquardt). "
          + "Default: ${DEFAULT-VALUE}.")
  String solver;

  @Option(names = "--step-solver", paramLabel = "exact|jacobi",
      description = "Implicit step solver: exact (tridiagonal + Newton) or jacobi (the paper's "
          + "point-Jacobi sweeps to 1e-4 K; with adam on huang2025 this is the authors' exact "
          + "configuration, ~10x slower). Default: exact (same 40/50 starts within 1 %%).")
  StepSolver stepSolver;

  @Option(names = "--gradient", paramLabel = "implicit|unrolled",
      description = "Loss gradient for adam: implicit (adjoint of the solved steps) or unrolled "
          + "(through the Jacobi sweeps, as the authors' autograd; needs --step-solver jacobi). "
          + "Default: unrolled with the jacobi step solver, implicit with exact.")
  GradientMode gradient;

  @Option(names = "--initial-state", paramLabel = "STATE",
      description = "Initial soil temperature. huang2025: tb (uniform Tb, default; reproduces "
          + "the published results) or 293 (uniform 293 K, the published two-depth notebook's "
          + "code). Site runs: uniform (alias tb), interpolated (first level's observations "
          + "blended to Tb at 1 m; default, chosen by measurement, docs/SITE_ESTIMATION.md), "
          + "spinup[:DAYS] (run over the DAYS (7) days before the window) or cycled[:K] (day 1 "
          + "repeated K (7) times).")
  String initialState;

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

  @Option(names = "--starts", paramLabel = "N", defaultValue = "50",
      description = "Number of starts (huang2025: the first N published starts). "
          + "Default: ${DEFAULT-VALUE}.")
  int starts;

  @CommandLine.Mixin
  CommonOptions common = new CommonOptions();

  @Option(names = "--noise", paramLabel = "SD",
      description = "Add Gaussian noise of this SD to synthetic observations.")
  Double noise;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of --noise. Default: ${DEFAULT-VALUE}.")
  long seed;

  @CommandLine.Mixin
  DataOption data = new DataOption();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder. Default: out/estimate/<experiment>.")
  Path out;

  @CommandLine.Mixin
  PosteriorOptions posterior = new PosteriorOptions();

  /** The site implementation; null = found with {@link SiteEstimation#find()}. */
  private final SiteEstimation siteEstimation;

  public EstimateCommand() {
    this(null);
  }

  /** With a given site implementation (tests, embedding). */
  public EstimateCommand(SiteEstimation siteEstimation) {
    this.siteEstimation = siteEstimation;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    EstimationSettings settings = settings(cl);
    boolean siteRun = site != null || experiment.site();
    if (siteRun && noise != null) {
      throw new ParameterException(cl, "--noise applies to synthetic experiments only");
    }
    List<String> siteOnly = SITE_ONLY.stream().filter(cl.getParseResult()::hasMatchedOption)
        .toList();
    if (!siteRun && !siteOnly.isEmpty()) {
      throw new ParameterException(cl, String.join(", ", siteOnly) + " apply to site runs "
          + "only, not to " + experiment.id());
    }
    if (albedo != null && !(albedo >= 0 && albedo <= 1)) {
      throw new ParameterException(cl, "--albedo must be in [0, 1], got " + albedo);
    }
    if (start != null && end != null && !end.isAfter(start)) {
      throw new ParameterException(cl, "--end " + end + " is not after --start " + start);
    }

    if (out != null) {
      OutputFolder.prepare(out, "--out"); // before minutes of fitting
    }
    Path dataDir = data.folder();
    ProgressListener progress = ConsoleProgress.stderr(common.quiet());
    EstimationOutcome outcome;
    List<Path> inputs;
    if (!siteRun) {
      int depths = experiment == Experiment.HUANG2025_1DEPTH ? 1 : 2;
      outcome = Huang2025Runner.run(dataDir, depths, settings, progress);
      inputs = Huang2025Runner.inputFiles(dataDir);
    } else {
      if (site != null) {
        try {
          org.cml4j.lsm.data.SiteDataReaders.requireFile(site);   // a folder, missing, unreadable
        } catch (org.cml4j.lsm.data.SiteDataException e) {
          throw new Cml4jCli.InputException("--site: " + e.getMessage());
        }
      }
      SiteRequest req = new SiteRequest(site == null ? experiment.id() : null, site, dataDir,
          start, end, List.copyOf(observe), List.copyOf(predict), albedo, settings);
      SiteEstimation impl = siteEstimation != null ? siteEstimation : SiteEstimation.find();
      if (impl == null) {
        throw new Cml4jCli.InputException(req.name() + ": site estimation is not yet available "
            + "in this build (available: huang2025-1depth, huang2025-2depth)");
      }
      outcome = impl.run(req, progress);
      inputs = impl.inputFiles(req);
    }

    Path dir = out != null ? out : Path.of("out", "estimate", outcome.experiment());
    OutputFolder.prepare(dir, "--out");
    Provenance prov = Provenance.collect(originalArgs(cl), inputs);
    List<PlotWriter.Plot> plots = new PlotWriter().write(dir, outcome);
    new ResultsJsonWriter().write(dir, outcome, prov);
    new ReportMarkdownWriter().write(dir, outcome, plots, prov);
    EstimateSummary.print(cl.getOut(), outcome, dir, plots.size(), settings);
    PosteriorRun.runIfAsked(posterior, experiment, dataDir, settings, outcome, dir, cl.getOut());
    return Cml4jCli.OK;
  }

  private EstimationSettings settings(CommandLine cl) {
    if ((experiment == null) == (site == null)) {
      throw new ParameterException(cl, experiment == null
          ? "give --experiment NAME (" + Experiment.allowed() + ") or --site FILE"
          : "give either --experiment or --site, not both");
    }
    if (starts < 1) {
      throw new ParameterException(cl, "--starts must be at least 1, got " + starts);
    }
    int nThreads = common.threads(cl);
    if (noise != null && !(noise > 0 && Double.isFinite(noise))) {
      throw new ParameterException(cl, "--noise must be a positive standard deviation, got "
          + noise);
    }
    if (!fit.isEmpty()) {
      try {
        new ParameterSpace(fit, null);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--fit " + fit.stream().map(FitParam::symbol).collect(
            Collectors.joining(",")) + ": " + e.getMessage());
      }
    }
    boolean huang = experiment != null && !experiment.site();
    StepSolver step = stepSolver != null ? stepSolver : StepSolver.EXACT;
    GradientMode grad = gradient != null ? gradient
        : step == StepSolver.JACOBI ? GradientMode.UNROLLED : GradientMode.IMPLICIT;
    Huang2025Experiment.InitialCondition init = Huang2025Experiment.InitialCondition.UNIFORM_TB;
    SiteFitOptions siteOptions;
    try {
      siteOptions = huang ? SiteFitOptions.defaults()
          : SiteFitOptions.parse(split, fitUntil, initialState, prior, priorWeight);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    if (initialState != null && huang) {
      switch (initialState.trim().toLowerCase(Locale.ROOT)) {
        case "tb": break;
        case "293": init = Huang2025Experiment.InitialCondition.UNIFORM_293; break;
        default: throw new ParameterException(cl, "--initial-state must be tb or 293, got '"
            + initialState + "'");
      }
    }
    try {
      return new EstimationSettings(fit, solver, step, grad, init, starts,
          Math.min(nThreads, starts), noise == null ? Double.NaN : noise, seed, siteOptions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
  }

  private static List<String> originalArgs(CommandLine cl) {
    CommandLine root = cl;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getParseResult() == null ? List.of() : root.getParseResult().originalArgs();
  }
}
