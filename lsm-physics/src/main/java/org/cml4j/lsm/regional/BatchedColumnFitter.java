package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.BatchLeastSquares;
import org.cml4j.lsm.estimation.BatchObjective;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.Identifiability;

/**
 * Fits a chunk of columns at once: every start of every column is one problem of a lockstep
 * {@link BatchLeastSquares} run on the batched kernel (on the calling thread), and the
 * identifiability analysis reuses each best start's residual Jacobian, so no column is run again.
 * The inverse problem of each column, its starts, the choice of the best start and the reported
 * {@link ColumnFit} are those of {@link ColumnFitter}; the fitted values agree with
 * {@link ColumnFitter#fit} to the optimiser tolerance (tested: 1e-6 relative), not bit for bit.
 * Columns the batched path cannot take (Adam, the Jacobi step solver, h and beta fitted
 * separately) are fitted by {@link ColumnFitter#fit}. Results depend only on the chunk's columns
 * and the settings (not on threads). Stateless and serializable.
 */
public final class BatchedColumnFitter implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Columns per batched-kernel chunk (vector width of the SoA kernel). */
  private static final int KERNEL_CHUNK = BatchRunner.DEFAULT_CHUNK;
  /** Columns per lockstep optimisation: one kernel chunk of columns, each with its starts. */
  static final int BATCH = KERNEL_CHUNK;
  private final ColumnFitter fitter;

  public BatchedColumnFitter(ColumnFitter fitter) {
    this.fitter = fitter;
  }

  /** Whether the settings can use the batched path at all (LM, no separate h and beta). */
  public static boolean supports(MapSettings s) {
    return s.solver().equals("lm") && !s.effectiveFit().contains(FitParam.H);
  }

  /**
   * Fits {@code columns}; results in the same order, failures as failed {@link ColumnFit}s. The
   * columns are fitted {@value #BATCH} at a time (a column's result does not depend on which
   * columns share its batch), so the optimiser's memory, mostly residuals and Jacobians
   * ({@code 8 x time x observed outputs x (parameters + 1)} bytes per start and evaluated point),
   * grows with {@value #BATCH} columns, not with the chunk.
   */
  public List<ColumnFit> fit(List<ColumnInput> columns) {
    MapSettings settings = fitter.settings();
    if (!supports(settings)) {
      return columns.stream().map(fitter::fit).toList();
    }
    List<ColumnFit> out = new ArrayList<>(columns.size());
    for (int from = 0; from < columns.size(); from += BATCH) {
      out.addAll(fitBatch(columns.subList(from, Math.min(columns.size(), from + BATCH))));
    }
    return out;
  }

  private List<ColumnFit> fitBatch(List<ColumnInput> columns) {
    ColumnFit[] out = new ColumnFit[columns.size()];
    List<ColumnFitter.Prepared> prepared = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    List<BatchLeastSquares.Problem> problems = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnInput c = columns.get(i);
      ColumnFitter.Prepared p;
      try {
        p = fitter.prepare(c);
      } catch (RuntimeException e) {
        out[i] = fitter.fit(c);
        continue;
      }
      if (!BatchObjective.supports(p.objective())) {
        out[i] = fitter.fit(c);
        continue;
      }
      prepared.add(p);
      index.add(i);
      for (double[] s : p.starts()) {
        problems.add(new BatchLeastSquares.Problem(p.objective(), s));
      }
    }
    if (!problems.isEmpty()) {
      List<BatchLeastSquares.Result> rs;
      try (BatchRunner runner = new BatchRunner(1, KERNEL_CHUNK)) {
        rs = new BatchLeastSquares(runner).solve(problems);
      }
      int k = 0;
      for (int j = 0; j < prepared.size(); j++) {
        ColumnFitter.Prepared p = prepared.get(j);
        List<BatchLeastSquares.Result> mine = rs.subList(k, k + p.starts().size());
        k += p.starts().size();
        out[index.get(j)] = finish(columns.get(index.get(j)), p, mine);
      }
    }
    return List.of(out);
  }

  private ColumnFit finish(ColumnInput column, ColumnFitter.Prepared p,
      List<BatchLeastSquares.Result> rs) {
    List<FitResult> fits = new ArrayList<>(rs.size());
    for (BatchLeastSquares.Result r : rs) {
      fits.add(r.fit());
    }
    try {
      return fitter.finish(column, fits, best -> {
        BatchLeastSquares.Result r = rs.get(fits.indexOf(best));
        return new Identifiability().analyze(p.objective().space(), best.fitted(),
            r.asResiduals(), fitter.settings().noiseSd());
      });
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return ColumnFit.failed(column.id(), column.lat(), column.lon(), fitter.parameterNames(),
          fitter.settings().starts(), msg);
    }
  }
}
