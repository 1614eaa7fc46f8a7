package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.solver.StepSolver;

/**
 * How every column of a regional map is fitted: the same per-column inversion as
 * {@code ./cml4j estimate --site} (the site experiment's 101-node column, initial profile from the
 * first observations blended to Tb, seeded random starts, Levenberg–Marquardt or the paper's Adam,
 * identifiability at the best start), over each column's whole record.
 *
 * @param fit fitted parameters; empty = alpha, lambda, C, hbeta, Tb (alpha dropped when
 *     {@code albedo} is fixed)
 * @param observe fitted outputs (e.g. SoilTemp_0.05); empty = every SoilTemp_&lt;depth&gt; of the
 *     column, plus SurfTemp if present
 * @param albedo fixed albedo [-], or NaN to fit alpha
 * @param solver "lm" or "adam"
 * @param stepSolver implicit step solver
 * @param starts random starts per column (the best converged one is kept)
 * @param seed seed of the starts (the same for every column, so results do not depend on order)
 * @param noiseSd known observation error [K] for the standard errors; NaN = residual SD (at least
 *     0.1 K)
 * @param chunkSize columns per part file (the unit of resumption)
 * @param fitter "batched" (each chunk's columns and starts in lockstep, {@link BatchedColumnFitter})
 *     or "column" (one Commons Math LM per start and column, {@link ColumnFitter}); part of
 *     {@link #key()}, since the two agree to 1e-6 relative, not bit for bit
 */
public record MapSettings(List<FitParam> fit, List<String> observe, double albedo, String solver,
    StepSolver stepSolver, int starts, long seed, double noiseSd, int chunkSize, String fitter)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Default fitted parameters. */
  public static final List<FitParam> DEFAULT_FIT = List.of(FitParam.ALPHA, FitParam.LAMBDA,
      FitParam.C, FitParam.HBETA, FitParam.TB);

  /** Settings with the batched fitter (the CLI's default). */
  public MapSettings(List<FitParam> fit, List<String> observe, double albedo, String solver,
      StepSolver stepSolver, int starts, long seed, double noiseSd, int chunkSize) {
    this(fit, observe, albedo, solver, stepSolver, starts, seed, noiseSd, chunkSize, "batched");
  }

  public MapSettings {
    if (!"batched".equals(fitter) && !"column".equals(fitter)) {
      throw new IllegalArgumentException("fitter must be batched or column, got '" + fitter + "'");
    }
    fit = List.copyOf(fit);
    observe = List.copyOf(observe);
    if (!solver.equals("lm") && !solver.equals("adam")) {
      throw new IllegalArgumentException("solver must be lm or adam, got '" + solver + "'");
    }
    if (starts < 1) {
      throw new IllegalArgumentException("starts must be at least 1, got " + starts);
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1 column, got " + chunkSize);
    }
    if (!Double.isNaN(albedo) && !(albedo >= 0 && albedo <= 1)) {
      throw new IllegalArgumentException("albedo must be in [0, 1], got " + albedo);
    }
    if (!Double.isNaN(albedo) && fit.contains(FitParam.ALPHA)) {
      throw new IllegalArgumentException("albedo is both fixed (" + albedo + ") and fitted");
    }
    if (Double.isNaN(albedo) && !fit.isEmpty() && !fit.contains(FitParam.ALPHA)) {
      throw new IllegalArgumentException("albedo is neither fixed nor fitted: add alpha to the "
          + "fitted parameters or give a fixed albedo");
    }
    if (!Double.isNaN(noiseSd) && !(noiseSd > 0 && Double.isFinite(noiseSd))) {
      throw new IllegalArgumentException("observation noise must be a positive SD in K, got "
          + noiseSd);
    }
  }

  /** LM, exact steps, 2 starts, seed 42, residual-based SE, 256 columns per chunk (the CLI's). */
  public static MapSettings defaults() {
    return new MapSettings(List.of(), List.of(), Double.NaN, "lm", StepSolver.EXACT, 2, 42,
        Double.NaN, 256);
  }

  /** The fitted parameters after defaults (alpha removed when the albedo is fixed). */
  public List<FitParam> effectiveFit() {
    List<FitParam> f = new ArrayList<>(fit.isEmpty() ? DEFAULT_FIT : fit);
    if (!Double.isNaN(albedo)) {
      f.remove(FitParam.ALPHA);
    }
    return List.copyOf(f);
  }

  /** A copy with another chunk size. */
  public MapSettings withChunkSize(int n) {
    return new MapSettings(fit, observe, albedo, solver, stepSolver, starts, seed, noiseSd, n,
        fitter);
  }

  /** A copy with another fitter ("batched" or "column"). */
  public MapSettings withFitter(String f) {
    return new MapSettings(fit, observe, albedo, solver, stepSolver, starts, seed, noiseSd,
        chunkSize, f);
  }

  /** A copy with another number of starts. */
  public MapSettings withStarts(int n) {
    return new MapSettings(fit, observe, albedo, solver, stepSolver, n, seed, noiseSd, chunkSize,
        fitter);
  }

  /** One line naming every setting that changes the results (used to check a resumed run). */
  public String key() {
    return String.format(Locale.ROOT, "fit=%s observe=%s albedo=%s solver=%s step=%s starts=%d "
        + "seed=%d noise=%s chunk=%d fitter=%s", effectiveFit().stream().map(FitParam::symbol).toList(),
        observe.isEmpty() ? "all" : observe, Double.isNaN(albedo) ? "fitted" : albedo, solver,
        stepSolver, starts, seed, Double.isNaN(noiseSd) ? "residual" : noiseSd, chunkSize, fitter);
  }
}
