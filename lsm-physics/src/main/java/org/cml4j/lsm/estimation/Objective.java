package org.cml4j.lsm.estimation;

import java.util.List;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.gradient.Tangent;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;

/**
 * The inverse problem: mean squared misfit between model outputs and {@link Observations}, as a
 * function of the fitted coordinates of a {@link ParameterSpace}. Gradients come from the discrete
 * adjoint ({@link GradientMode#IMPLICIT} by default; {@link GradientMode#UNROLLED} through the
 * Jacobi sweeps, as the authors' autograd), residual Jacobians from the tangent model (always the
 * implicit derivative). Thread-safe; counts evaluations.
 */
public final class Objective {
  private final SoilColumnModel model;
  private final SurfaceForcing forcing;
  private final InitialState initial;
  private final Observations obs;
  private final ParameterSpace space;
  private final GradientMode gradientMode;
  private final Prior prior;
  private final RunCounts runs = new RunCounts();

  public Objective(SoilColumnModel model, SurfaceForcing forcing, InitialState initial,
      Observations obs, ParameterSpace space) {
    this(model, forcing, initial, obs, space, GradientMode.IMPLICIT);
  }

  /**
   * An objective whose {@link #valueAndGradient} uses {@code mode}.
   *
   * @throws IllegalArgumentException for {@link GradientMode#UNROLLED} with a model whose step
   *     solver is not JACOBI
   */
  public Objective(SoilColumnModel model, SurfaceForcing forcing, InitialState initial,
      Observations obs, ParameterSpace space, GradientMode mode) {
    this(model, forcing, initial, obs, space, mode, Prior.none());
  }

  private Objective(SoilColumnModel model, SurfaceForcing forcing, InitialState initial,
      Observations obs, ParameterSpace space, GradientMode mode, Prior prior) {
    if (mode == GradientMode.UNROLLED && model.solver() != StepSolver.JACOBI) {
      throw new IllegalArgumentException("the UNROLLED gradient needs the JACOBI step solver, got "
          + model.solver());
    }
    if (obs.levels() != forcing.length()) {
      throw new IllegalArgumentException("observations have " + obs.levels()
          + " time levels but the forcing has " + forcing.length());
    }
    this.model = model;
    this.forcing = forcing;
    this.initial = initial;
    this.obs = obs;
    this.space = space;
    this.gradientMode = mode;
    this.prior = prior;
  }

  /** The same problem with another gradient mode (fresh evaluation counters). */
  public Objective withGradientMode(GradientMode mode) {
    return new Objective(model, forcing, initial, obs, space, mode, prior);
  }

  /**
   * The same problem penalised by {@code p}: the loss becomes (sum of squared data residuals +
   * {@link Prior#penalty}) / {@link Observations#count()}, and {@link #residuals} gains the prior
   * rows (fresh evaluation counters).
   */
  public Objective withPrior(Prior p) {
    return new Objective(model, forcing, initial, obs, space, gradientMode, p);
  }

  /** The prior ({@link Prior#none()} unless {@link #withPrior} was used). */
  public Prior prior() {
    return prior;
  }

  /** Length of {@link #residuals}: present observations plus active prior rows. */
  public int residualCount() {
    return obs.count() + prior.active(space).size();
  }

  /** The same problem with other observations (fresh evaluation counters). */
  public Objective withObservations(Observations o) {
    return new Objective(model, forcing, initial, o, space, gradientMode, prior);
  }

  public GradientMode gradientMode() {
    return gradientMode;
  }

  public ParameterSpace space() {
    return space;
  }

  public Observations observations() {
    return obs;
  }

  public SoilColumnModel model() {
    return model;
  }

  public SurfaceForcing forcing() {
    return forcing;
  }

  public InitialState initial() {
    return initial;
  }

  /** Forward model runs so far (each gradient or Jacobian also counts one). */
  public long forwardRuns() {
    return runs.forwardRuns();
  }

  /** Adjoint or tangent sweeps so far. */
  public long gradientRuns() {
    return runs.gradientRuns();
  }

  /** Runs the model at {@code theta}. */
  public Trajectory simulate(double[] theta) {
    runs.add(1, 0);
    return model.simulate(space.toModel(theta), forcing, initial);
  }

  /** Mean squared error at {@code theta} (plus the prior penalty / count, if any). */
  public double value(double[] theta) {
    return loss(simulate(theta).outputs(obs.outputs())) + penalty(theta);
  }

  private double penalty(double[] theta) {
    return prior.isEmpty() ? 0 : prior.penalty(space, theta) / obs.count();
  }

  /** Adds runs made on this objective's behalf elsewhere (e.g. by {@link BatchObjective}). */
  void countRuns(long forward, long gradient) {
    runs.add(forward, gradient);
  }

  /** Mean squared error of outputs {@code y[level][output]} against the observations. */
  double loss(double[][] y) {
    double s = 0;
    for (int t = 0; t < y.length; t++) {
      for (int k = 0; k < y[t].length; k++) {
        double o = obs.value(t, k);
        if (!Double.isNaN(o)) {
          double d = y[t][k] - o;
          s += d * d;
        }
      }
    }
    return s / obs.count();
  }

  /** Loss and its gradient (one forward run and one adjoint sweep). */
  public ValueGradient valueAndGradient(double[] theta) {
    Trajectory tr = simulate(theta);
    double[][] y = tr.outputs(obs.outputs());
    double[][] seed = new double[y.length][y[0].length];
    for (int t = 0; t < y.length; t++) {
      for (int k = 0; k < y[t].length; k++) {
        double o = obs.value(t, k);
        seed[t][k] = Double.isNaN(o) ? 0 : 2 * (y[t][k] - o) / obs.count();
      }
    }
    runs.add(0, 1);
    AdjointGradient g = Adjoint.vjp(tr, obs.outputs(), seed, gradientMode);
    double[] grad = space.gradient(theta, g);
    if (!prior.isEmpty()) {
      double[] pg = prior.penaltyGradient(space, theta);
      for (int i = 0; i < grad.length; i++) {
        grad[i] += pg[i] / obs.count();
      }
    }
    return new ValueGradient(loss(y) + penalty(theta), grad);
  }

  /**
   * Residuals r = (model - obs) over present entries, then the prior rows, and their Jacobian d r / d theta from the
   * tangent model (one tangent sweep per model parameter).
   */
  public Residuals residuals(double[] theta) {
    Trajectory tr = simulate(theta);
    double[][] y = tr.outputs(obs.outputs());
    List<Param> dirs = space.modelDirections();
    runs.add(0, 1);
    double[][][] jm = Tangent.jacobian(tr, obs.outputs(), dirs);
    double[][] chain = space.chain(theta);
    int n = space.dimension();
    double[] r = new double[residualCount()];
    double[][] jac = new double[residualCount()][n];
    int row = 0;
    for (int t = 0; t < y.length; t++) {
      for (int k = 0; k < y[t].length; k++) {
        double o = obs.value(t, k);
        if (Double.isNaN(o)) {
          continue;
        }
        r[row] = y[t][k] - o;
        for (int j = 0; j < dirs.size(); j++) {
          double d = jm[t][k][j];
          for (int i = 0; i < n; i++) {
            jac[row][i] += d * chain[j][i];
          }
        }
        row++;
      }
    }
    double[] pr = prior.rows(space, theta);
    double[][] pj = prior.jacobian(space, theta);
    for (int k = 0; k < pr.length; k++, row++) {
      r[row] = pr[k];
      jac[row] = pj[k];
    }
    return new Residuals(r, jac);
  }

  /** A loss value and its gradient. */
  public record ValueGradient(double value, double[] gradient) {}

  /** Residual vector and Jacobian [row][coordinate]. */
  public record Residuals(double[] r, double[][] jacobian) {}
}
