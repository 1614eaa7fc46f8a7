package org.cml4j.lsm.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.lsm.data.DataQualityReport;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.data.SiteDataReaders;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.Observations;
import org.cml4j.lsm.estimation.ParameterSpace;
import org.cml4j.lsm.estimation.Prior;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;

/**
 * A site's inverse problem: hourly forcing and observations from a site file window, the paper's
 * 101-node 1 m column, an initial state chosen by {@link SiteInitialState} (by default the
 * observations at the first level interpolated and blended linearly to the fitted Tb at the
 * bottom; a spin-up or a cycled first day adds lead levels before the window), and a
 * fit/validation split in time.
 */
public final class SiteExperiment {
  /** Forcing gaps up to this length are linearly interpolated; longer ones are an error. */
  public static final Duration MAX_FORCING_GAP = Duration.ofHours(3);
  private final SiteRequest request;
  private final SiteData data;
  private final SurfaceForcing forcing;
  private final List<Output> observed;
  private final List<Output> predicted;
  private final double[][] observedSeries;
  private final double[][] predictedSeries;
  private final InitialState initial;
  private final double deepestTemperature;
  private final DataQualityReport quality;
  private final SiteInitialState initialChoice;
  private final int lead;

  private SiteExperiment(SiteRequest request, SiteData data, SurfaceForcing forcing,
      double[][] observedSeries, double[][] predictedSeries, InitialState initial,
      double deepestTemperature, DataQualityReport quality, SiteInitialState initialChoice) {
    this.request = request;
    this.data = data;
    this.forcing = forcing;
    this.observed = outputs(request.observe());
    this.observedSeries = observedSeries;
    this.predicted = outputs(request.predict());
    this.predictedSeries = predictedSeries;
    this.initial = initial;
    this.deepestTemperature = deepestTemperature;
    this.quality = quality;
    this.initialChoice = initialChoice;
    this.lead = initialChoice.leadLevels();
  }

  /**
   * Reads the window of the file (a site CSV is streamed, keeping only the window), resamples and
   * checks it. Problems outside the window (gaps, bad values) do not matter.
   */
  public static SiteExperiment load(SiteRequest req) {
    return load(req, SiteInitialState.INTERPOLATED);
  }

  /**
   * As {@link #load(SiteRequest)} with the given initial state; a spin-up reads
   * [start - days, end) of the file.
   */
  public static SiteExperiment load(SiteRequest req, SiteInitialState init) {
    java.time.Instant from = init.kind() == SiteInitialState.Kind.SPINUP
        ? req.start().minus(Duration.ofDays(init.count())) : req.start();
    return of(req, SiteDataReaders.read(req.file(), from, req.end()), init);
  }

  /**
   * Builds the experiment from data already read (e.g. one column of a gridded file): selects and
   * resamples the window of {@code req}, and checks it. Errors name {@link SiteData#source()}.
   */
  public static SiteExperiment of(SiteRequest req, SiteData all) {
    return of(req, all, SiteInitialState.INTERPOLATED);
  }

  /**
   * As {@link #of(SiteRequest, SiteData)} with the given initial state; for a spin-up
   * {@code all} must cover [start - days, end).
   */
  public static SiteExperiment of(SiteRequest req, SiteData all, SiteInitialState init) {
    SiteData w = SiteSeries.hourly(all.window(req.start(), req.end()));
    DataQualityReport quality = all.window(req.start(), req.end()).report();
    int levels = w.size();
    if (levels < req.fitHours()) {
      throw SiteDataException.forFile(w.source(), null, "the window " + req.start()
          + " .. " + req.end() + " has " + levels + " hourly levels, fewer than the " + req.fitHours()
          + " requested for fitting");
    }
    SurfaceForcing f = SiteSeries.forcing(w);
    List<double[]> pts = SiteSeries.observedPoints(w, f.ldown());
    InitialState initial = init.kind() == SiteInitialState.Kind.UNIFORM
        ? InitialState.uniformTb() : InitialState.fromObservedPoints(ModelGrid.HUANG2025, pts);
    if (init.kind() == SiteInitialState.Kind.CYCLED) {
      int[] day = new int[24 * init.count()];
      for (int i = 0; i < day.length; i++) {
        day[i] = Math.min(i % 24, f.length() - 1);
      }
      f = f.levels(day).followedBy(f);
    } else if (init.kind() == SiteInitialState.Kind.SPINUP) {
      java.time.Instant from = req.start().minus(Duration.ofDays(init.count()));
      SiteData sw = SiteSeries.hourly(all.window(from, req.start()));
      if (sw.size() != init.leadLevels() || !sw.time(0).equals(from)) {
        throw SiteDataException.forFile(all.source(), null, "spin-up of " + init.count()
            + " days needs the file to cover " + from + " .. " + req.start() + " hourly; it has "
            + sw.size() + " hourly levels there");
      }
      SurfaceForcing spinup = SiteSeries.forcing(sw);
      f = spinup.followedBy(f);
      initial = InitialState.fromObservedPoints(ModelGrid.HUANG2025,
          SiteSeries.observedPoints(sw, spinup.ldown()));
    }
    double[][] obsSeries = SiteSeries.required(w, req.observe(), req.fitHours(),
        "observed (fitted)", "fit period");
    double[][] predSeries = SiteSeries.required(w, req.predict(), levels, "predicted", "window");
    double tDeep = pts.get(pts.size() - 1)[1];
    return new SiteExperiment(req, w, f, obsSeries, predSeries, initial, tDeep, quality, init);
  }

  private static List<Output> outputs(List<String> names) {
    return names.stream().map(Output::parse).toList();
  }

  /**
   * One observed variable of {@code w} by output name: the file's column (a soil temperature
   * matched by depth), else SurfTemp derived from LWup or QhQle as Qh + Qle.
   *
   * @throws SiteDataException naming the file, the variable and the available ones
   */
  public static double[] variable(SiteData w, String name) {
    return SiteSeries.series(w, name);
  }

  public SiteRequest request() {
    return request;
  }

  public SiteData data() {
    return data;
  }

  /**
   * Quality of the window as read, before resampling to hourly levels: missing values, clipped values
   * (variable, count, first record), rejected outliers and time steps absent from the file. Callers
   * should print {@link DataQualityReport#warnings()}.
   */
  public DataQualityReport quality() {
    return quality;
  }

  public SurfaceForcing forcing() {
    return forcing;
  }

  public InitialState initialState() {
    return initial;
  }

  public List<Output> observed() {
    return observed;
  }

  public List<Output> predicted() {
    return predicted;
  }

  /** Observed series (all levels) of fitted variable i. */
  public double[] observedSeries(int i) {
    return observedSeries[i].clone();
  }

  /** Observed series (all levels) of predicted variable i. */
  public double[] predictedSeries(int i) {
    return predictedSeries[i].clone();
  }

  /**
   * The fit-period observations on the model's levels: missing over the spin-up / cycled lead
   * levels ({@link #leadLevels()}) and over the validation levels.
   */
  public Observations fitObservations() {
    double[][] s = new double[observedSeries.length][];
    for (int i = 0; i < s.length; i++) {
      s[i] = new double[lead + observedSeries[i].length];
      Arrays.fill(s[i], Double.NaN);
      System.arraycopy(observedSeries[i], 0, s[i], lead, request.fitHours());
    }
    return Observations.ofSeries(observed, s);
  }

  /** How the column starts. */
  public SiteInitialState initialChoice() {
    return initialChoice;
  }

  /**
   * Model levels run before the window (spin-up or cycled day 1); model level {@code lead + i} is
   * window level {@code i}.
   */
  public int leadLevels() {
    return lead;
  }

  /** Hourly levels in the window. */
  public int levels() {
    return forcing.length() - lead;
  }

  /** Window part of a model output series (drops the lead levels). */
  public double[] windowPart(double[] modelSeries) {
    return Arrays.copyOfRange(modelSeries, lead, modelSeries.length);
  }

  /**
   * The stated prior for {@code choices} ({@link SitePriors}) from this window: the fit-period mean
   * of the deepest fitted soil temperature and of the air temperature.
   */
  public Prior prior(Set<SitePriors.Choice> choices, double weight) {
    double deep = Double.NaN;
    String deepName = "";
    double deepest = -1;
    for (int i = 0; i < observed.size(); i++) {
      Output o = observed.get(i);
      if (o.kind() == Output.Kind.SOIL_TEMPERATURE && o.depth() > deepest) {
        deepest = o.depth();
        deepName = o.name();
        deep = Metrics.mean(observedSeries[i], 0, request.fitHours());
      }
    }
    double airMean = Metrics.mean(forcing.ta(), lead, lead + request.fitHours());
    return SitePriors.build(choices, deep, deepName, airMean, weight);
  }

  /** Base parameters: albedo (fixed or a first guess), eps 0.95, others overwritten by the fit. */
  public ColumnParameters baseParameters() {
    double alpha = Double.isNaN(request.albedo()) ? 0.2 : request.albedo();
    return ColumnParameters.builder().alpha(alpha).lambda(0.8).heatCapacity(2.2e6).hbeta(20)
        .tb(Math.max(250, Math.min(340, deepestTemperature))).build();
  }

  public Objective objective(StepSolver solver) {
    return new Objective(new SoilColumnModel(ModelGrid.HUANG2025, solver), forcing, initial,
        fitObservations(), new ParameterSpace(request.fit(), baseParameters()));
  }

  /**
   * Seeded random starts, uniform in plausible ranges: alpha 0.1–0.4, lambda 0.3–2 W m-1 K-1,
   * C 1e6–3.5e6 J m-3 K-1, hbeta 5–60 W m-2 K-1, Tb within 5 K of the deepest observed temperature.
   */
  public List<double[]> starts(int n, long seed) {
    Random rnd = new Random(seed);
    List<double[]> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      double[] x = new double[request.fit().size()];
      for (int i = 0; i < x.length; i++) {
        double u = rnd.nextDouble();
        x[i] = switch (request.fit().get(i)) {
          case ALPHA -> 0.1 + 0.3 * u;
          case LAMBDA -> 0.3 + 1.7 * u;
          case C -> 1e6 + 2.5e6 * u;
          case HBETA -> 5 + 55 * u;
          case TB -> deepestTemperature - 5 + 10 * u;
          case EPS -> 0.9 + 0.09 * u;
          case H -> 5 + 15 * u;
          case BETA -> 0.5 + 4.5 * u;
        };
      }
      out.add(x);
    }
    return out;
  }

  /** Hours since the window start of each level. */
  public double[] hours() {
    double[] h = new double[levels()];
    for (int i = 0; i < h.length; i++) {
      h[i] = i;
    }
    return h;
  }

  /** Published values as a map (copy). */
  public Map<String, Double> published() {
    return new LinkedHashMap<>(request.published());
  }
}
