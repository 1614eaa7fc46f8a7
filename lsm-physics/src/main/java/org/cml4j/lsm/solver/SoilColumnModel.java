package org.cml4j.lsm.solver;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * The differentiable land-surface model: 1-D soil heat conduction {@code C dT/dt = lambda d2T/dx2}
 * with a surface-energy-balance flux condition and a Dirichlet bottom, backward Euler in time
 * (Huang, Heaney &amp; van Reeuwijk 2025, "Parameter estimation for land-surface models using Neural
 * Physics"). Immutable and thread-safe; see {@link StepKernel} for the discrete equations.
 */
public final class SoilColumnModel {
  /** Tolerance of the paper's Jacobi scheme [K]. */
  public static final double PAPER_JACOBI_TOLERANCE = 1e-4;

  private final ModelGrid grid;
  private final StepSolver solver;
  private final double jacobiTolerance;
  private final int jacobiMaxSweeps;

  public SoilColumnModel(ModelGrid grid, StepSolver solver) {
    this(grid, solver, PAPER_JACOBI_TOLERANCE, 1_000_000);
  }

  public SoilColumnModel(ModelGrid grid, StepSolver solver, double jacobiTolerance,
      int jacobiMaxSweeps) {
    if (!(jacobiTolerance > 0)) {
      throw new IllegalArgumentException("Jacobi tolerance must be > 0 K, got " + jacobiTolerance);
    }
    this.grid = grid;
    this.solver = solver;
    this.jacobiTolerance = jacobiTolerance;
    this.jacobiMaxSweeps = jacobiMaxSweeps;
  }

  /** The paper's configuration: 101 nodes over 1 m, hourly steps, exact step solves. */
  public static SoilColumnModel huang2025(StepSolver solver) {
    return new SoilColumnModel(ModelGrid.HUANG2025, solver);
  }

  public ModelGrid grid() {
    return grid;
  }

  public StepSolver solver() {
    return solver;
  }

  /** Convergence tolerance of the Jacobi sweeps [K] (largest change of any node in one sweep). */
  public double jacobiTolerance() {
    return jacobiTolerance;
  }

  /** Sweeps after which a Jacobi step that has not converged fails. */
  public int jacobiMaxSweeps() {
    return jacobiMaxSweeps;
  }

  /** Runs one column from the uniform-Tb initial state. */
  public Trajectory simulate(ColumnParameters p, SurfaceForcing f) {
    return simulate(p, f, InitialState.uniformTb());
  }

  /** Runs one column over all time levels of the forcing. */
  public Trajectory simulate(ColumnParameters p, SurfaceForcing f, InitialState init) {
    return run(p, f, init, null);
  }

  /**
   * Replays the truncated Jacobi iteration with a prescribed number of sweeps per step (no
   * convergence test), e.g. the counts {@link Trajectory#stepIterations()} of a recorded run: the
   * forward function whose exact derivative is the {@code UNROLLED} adjoint. Only for the
   * {@link StepSolver#JACOBI} model.
   *
   * @param sweeps sweeps per step, indexed by the new level k = 1..levels-1 (entry 0 is ignored)
   */
  public Trajectory replayJacobi(ColumnParameters p, SurfaceForcing f, InitialState init,
      int[] sweeps) {
    if (solver != StepSolver.JACOBI) {
      throw new IllegalStateException("replayJacobi needs the JACOBI step solver, this model uses "
          + solver);
    }
    if (sweeps.length != f.length()) {
      throw new IllegalArgumentException("replayJacobi: " + sweeps.length
          + " sweep counts but the forcing has " + f.length() + " time levels");
    }
    return run(p, f, init, sweeps);
  }

  private Trajectory run(ColumnParameters p, SurfaceForcing f, InitialState init, int[] fixed) {
    int levels = f.length();
    for (Param q : Param.values()) {
      if (p.isTimeDependent(q) && p.seriesLength(q) != levels) {
        throw new IllegalArgumentException("time-dependent " + q.symbol() + " has "
            + p.seriesLength(q) + " values but the forcing has " + levels + " time levels");
      }
    }
    int n = grid.nodes();
    double dt = grid.dt();
    double dx = grid.dx();
    double[][] states = new double[levels][n];
    int[] steps = new int[levels];
    init.fill(states[0], p);
    double[] q = new double[n];
    double[] scratch = new double[n];
    LevelValues v = new LevelValues();
    double lastR = Double.NaN;
    for (int k = 1; k < levels; k++) {
      v.load(p, f, k);
      double r = StepKernel.r(v, dt, dx);
      double a = StepKernel.a(v, dt, dx);
      if (solver == StepSolver.EXACT) {
        if (r != lastR) {
          StepKernel.eliminationFactors(r, n, q);
          lastR = r;
        }
        steps[k] = StepKernel.solveExact(states[k - 1], states[k], v, r, a, q, scratch);
      } else if (fixed == null) {
        steps[k] = JacobiKernel.solve(states[k - 1], states[k], v, r, a, jacobiTolerance,
            jacobiMaxSweeps, scratch);
      } else {
        JacobiKernel.solveFixed(states[k - 1], states[k], v, r, a, fixed[k], scratch);
        steps[k] = fixed[k];
      }
    }
    return new Trajectory(grid, solver, p, f, init, states, steps);
  }

  /**
   * Runs a batch of independent columns, each with its own parameters, forcing and initial state, in
   * parallel on {@code threads} worker threads (1 = on the calling thread; a {@link BatchRunner}
   * with one column per chunk; the first failure is rethrown). For throughput over many
   * columns, {@link org.cml4j.lsm.batch.BatchColumnModel} is about 10x faster per core with the
   * EXACT solver (not with JACOBI) and does not keep every column's trajectory.
   */
  public List<Trajectory> simulateBatch(List<ColumnParameters> params, List<SurfaceForcing> forcing,
      List<InitialState> init, int threads) {
    int m = params.size();
    if (forcing.size() != m && forcing.size() != 1) {
      throw new IllegalArgumentException("batch: " + m + " parameter sets but " + forcing.size()
          + " forcings (give one per column or one shared)");
    }
    if (init.size() != m && init.size() != 1) {
      throw new IllegalArgumentException("batch: " + m + " parameter sets but " + init.size()
          + " initial states (give one per column or one shared)");
    }
    Trajectory[] out = new Trajectory[m];
    try (BatchRunner runner = new BatchRunner(Math.max(1, threads), 1)) {
      runner.run(m, w -> this, (self, i, w) -> out[i] = simulate(params.get(i),
          forcing.get(forcing.size() == 1 ? 0 : i), init.get(init.size() == 1 ? 0 : i)));
    }
    return new ArrayList<>(List.of(out));
  }
}
