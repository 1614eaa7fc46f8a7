package org.cml4j.cli.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.bench.ProgressListener;
import org.cml4j.cli.SiteEstimation;
import org.cml4j.cli.SiteRequest;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.Prior;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.EstimationRuns;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SitePresets;
import org.cml4j.lsm.model.Output;

/**
 * Connects {@code estimate --experiment phoenix-2012|bondville-1998} and {@code --site FILE} to the
 * site experiments of lsm-physics. Named experiments start from their presets and take any option
 * the user gave; a plain site file needs {@code --start}, {@code --end} and {@code --observe}, and is
 * fitted on the first {@code --split} (75 %) of the window, or up to {@code --fit-until}, and
 * validated on the rest. The initial state and the priors come from {@link SiteFitOptions}.
 */
public final class SiteEstimationAdapter implements SiteEstimation {

  @Override
  public EstimationOutcome run(SiteRequest req, ProgressListener progress) {
    org.cml4j.lsm.experiment.SiteRequest base;
    if ("phoenix-2012".equals(req.experiment())) {
      base = SitePresets.phoenix2012(req.dataDir());
    } else if ("bondville-1998".equals(req.experiment())) {
      base = SitePresets.bondville1998(req.dataDir());
    } else {
      if (req.start() == null || req.end() == null || req.observe().isEmpty()) {
        throw new IllegalArgumentException("--site needs --start, --end (e.g. 2012-05-01T07:00"
            + " for UTC or 2012-05-01T00:00-07:00) and --observe (e.g. SoilTemp_0.02,SurfTemp)");
      }
      base = null;
    }
    var start = req.start() != null ? req.start().toInstant() : base.start();
    var end = req.end() != null ? req.end().toInstant() : base.end();
    SiteFitOptions opt = req.settings().site();
    int fitHours = opt.fitHours(start, end,
        base != null && req.start() == null && req.end() == null ? base.fitHours() : -1);
    List<String> observe = req.observe().isEmpty() ? base.observe() : names(req.observe());
    List<String> predict = req.predict().isEmpty() && base != null ? base.predict()
        : names(req.predict());
    boolean fitAlpha = req.settings().fit().contains(FitParam.ALPHA);
    if (fitAlpha && req.albedo() != null) {
      throw new IllegalArgumentException("--fit alpha and --albedo " + req.albedo() + " exclude "
          + "each other: fit the albedo or fix it");
    }
    // an explicit --fit alpha overrides the preset's fixed albedo (it is never dropped silently)
    double albedo = req.albedo() != null ? req.albedo()
        : base != null && !fitAlpha ? base.albedo() : Double.NaN;
    List<FitParam> fit = new ArrayList<>(req.settings().fit().isEmpty()
        ? (base != null ? base.fit() : List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C,
            FitParam.HBETA, FitParam.TB))
        : req.settings().fit());
    if (!Double.isNaN(albedo)) {
      fit.remove(FitParam.ALPHA);
    }
    var full = new org.cml4j.lsm.experiment.SiteRequest(req.name(),
        base != null ? base.file() : req.site(), start, end, fitHours, observe, predict, albedo, fit,
        base != null ? base.published() : Map.of(), base != null ? base.publishedNote() : "");
    SiteExperiment e = SiteExperiment.load(full, opt.initial());
    Prior prior = e.prior(opt.priors(), opt.priorWeight());
    progress.begin(req.name(), req.settings().starts());
    try {
      EstimationOutcome o = EstimationRuns.site(e, req.settings().solver(), req.settings().stepSolver(),
          req.settings().gradient(), prior, req.settings().starts(), req.settings().seed(),
          req.settings().threads(), progress::done);
      String zone = Converters.zoneNote(req.start(), req.end());
      // clipped values, gaps and other quirks the reader handled go into the report, not only
      // onto stderr
      List<String> quality = e.quality().warnings();
      String extra = (zone.isEmpty() ? "" : " " + zone) + (quality.isEmpty() ? ""
          : " Data quality (" + e.quality().source() + "): " + String.join("; ", quality) + ".");
      return extra.isEmpty() ? o : withDescription(o, o.description() + extra);
    } finally {
      progress.end();
    }
  }

  @Override
  public List<java.nio.file.Path> inputFiles(SiteRequest req) {
    if (req.site() != null) {
      return List.of(req.site());
    }
    return List.of("phoenix-2012".equals(req.experiment())
        ? SitePresets.phoenix2012(req.dataDir()).file() : SitePresets.bondville1998(req.dataDir()).file());
  }

  private static EstimationOutcome withDescription(EstimationOutcome o, String d) {
    return new EstimationOutcome(o.experiment(), d, o.solver(), o.stepSolver(), o.parameters(),
        o.units(), o.starts(), o.best(), o.summary(), o.identifiability(), o.scores(), o.panels(),
        o.published(), o.publishedNote(), o.wallSeconds());
  }

  private static List<String> names(List<Output> outs) {
    List<String> n = new ArrayList<>();
    for (Output o : outs) {
      n.add(o.name());
    }
    return n;
  }
}
