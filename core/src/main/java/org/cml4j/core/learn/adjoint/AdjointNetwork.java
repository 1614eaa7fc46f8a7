package org.cml4j.core.learn.adjoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.Activation;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.Regressor;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterGradient;

/**
 * The one network trained end to end through a mechanism's discrete adjoint: per-step features
 * {@code x} go through the network to raw outputs {@code u}, a {@link PhysicsHead} turns them into
 * the mechanism's input (e.g. bounded or log-space parameter series such as hbeta(t), or a forcing
 * correction), the mechanism runs, and a {@link Misfit} scores the outputs. The gradient flows
 * back through the mechanism's vector-Jacobian product ({@link ModelRun#vjp}), the head's chain
 * rule and the network's {@link Regressor#backprop} (the differentiable-parameter-learning design
 * of Tsai et al. 2021, Nat. Commun. 12:5988); constant parameters may be trained jointly
 * ({@link JointConstants}). {@link #train} runs Adam (Kingma and Ba 2015) for a count of steps,
 * stops early after {@code patience} evaluations without a better score and restores the best
 * weights; the wall-time cap is a safety guard only.
 */
public final class AdjointNetwork {
  private final Problem problem;
  private final Regressor net;
  private final Map<String, Double> values;
  private int forwardRuns;
  private int adjointRuns;

  /**
   * What the network is trained against.
   *
   * @param mechanism the differentiable mechanism
   * @param base model input without the network's contribution; its outputs are the misfit's
   *     variables and its parameters the start of the joint constants
   * @param head how the network's outputs enter the model
   * @param x network inputs [time][feature] over the whole axis
   * @param misfit the training and validation misfit
   * @param constants constants trained jointly (may be {@link JointConstants#none()})
   */
  public record Problem(MechanismModel mechanism, ModelInput base, PhysicsHead head,
      double[][] x, Misfit misfit, JointConstants constants) {
    public Problem {
      if (!base.outputs().equals(misfit.variables())) {
        throw new IllegalArgumentException("model outputs " + base.outputs()
            + " differ from the misfit's variables " + misfit.variables());
      }
    }
  }

  /** Trains {@code net} (in place) on {@code problem}. */
  public AdjointNetwork(Problem problem, Regressor net) {
    this.problem = problem;
    this.net = net;
    this.values = new LinkedHashMap<>(problem.base().parameters());
  }

  /**
   * A tanh MLP for this training whose untrained outputs are near {@code start}: inputs z-scored
   * on {@code fitRows}, outputs {@code start + scale * z}, the output layer's weights multiplied
   * by {@code outputWeights} (0: the start exactly) and its bias zeroed (DL4J stores each dense
   * layer as its weights then its bias, the output layer last).
   */
  public static Learner mlp(int[] hidden, double[][] fitRows, double[] start, double[] scale,
      double outputWeights, long seed) {
    Learner l = Learners.create(LearnerSpec.mlp(hidden).withActivation(Activation.TANH)
        .withSeed(seed), fitRows[0].length, start.length);
    l.setScalers(Standardizer.fit(fitRows, "network inputs"), Standardizer.of(start, scale));
    double[] p = l.params();
    int nOut = start.length;
    int from = p.length - (hidden[hidden.length - 1] * nOut + nOut);
    for (int i = from; i < p.length; i++) {
      p[i] = i >= p.length - nOut || outputWeights == 0 ? 0 : p[i] * outputWeights;
    }
    l.setParams(p);
    return l;
  }

  /** The network. */
  public Regressor network() {
    return net;
  }

  /** The current values of all constant parameters (a copy). */
  public Map<String, Double> parameters() {
    return new LinkedHashMap<>(values);
  }

  /**
   * One forward run at the current weights and constants.
   *
   * @param evaluation the misfits of the run
   * @param u the network's outputs
   * @param run the mechanism run
   */
  public record Pass(Misfit.Evaluation evaluation, double[][] u, ModelRun run) {}

  /** Runs network, head and mechanism at the current weights and constants. */
  public Pass forward() {
    double[][] u = net.predict(problem.x());
    ModelInput base = problem.base();
    ModelInput in = problem.constants().size() == 0 ? base : base.withParameters(values);
    ModelRun run = problem.mechanism().run(problem.head().apply(in, u));
    forwardRuns++;
    return new Pass(problem.misfit().evaluate(run.outputs()), u, run);
  }

  /** Gradient of the pass's training misfit: network weights, then the joint constants. */
  public double[] gradient(Pass pass) {
    ParameterGradient g = pass.run().vjp(pass.evaluation().seed());
    adjointRuns++;
    double[] gw = net.backprop(problem.x(), problem.head().chain(g, pass.u()));
    double[] gc = problem.constants().chain(g, values);
    double[] grad = Arrays.copyOf(gw, gw.length + gc.length);
    System.arraycopy(gc, 0, grad, gw.length, gc.length);
    return grad;
  }

  /**
   * Training settings.
   *
   * @param steps Adam steps at most (evaluations at most {@code steps + 1})
   * @param patience evaluations without a better score before stopping (0 = never)
   * @param l2 weight decay {@code l2 |w|^2} on the network weights added to the misfit
   * @param runningBias bias correction from running products of the decays ({@link Adam#step})
   *     instead of powers ({@link Adam#stepAt}); the two differ in the last bits
   * @param cap wall-time safety cap, ticked once per evaluation (null = none)
   */
  public record Settings(int steps, int patience, double l2, boolean runningBias,
      Budget.SafetyCap cap) {
    public Settings {
      if (steps < 0 || patience < 0 || !(l2 >= 0)) {
        throw new IllegalArgumentException("adjoint training needs steps >= 0, patience >= 0 and"
            + " l2 >= 0, got " + steps + ", " + patience + ", " + l2);
      }
    }
  }

  /**
   * Outcome of training; the network holds the kept weights.
   *
   * @param loss training misfit per evaluation
   * @param validation validation misfit per evaluation
   * @param bestIndex evaluation whose weights were kept (0 = the start)
   * @param u network outputs at the kept weights [time][width]
   * @param parameters all constant parameters at the kept evaluation
   * @param forwardRuns mechanism runs so far
   * @param adjointRuns adjoint runs so far
   */
  public record Result(double[] loss, double[] validation, int bestIndex, double[][] u,
      Map<String, Double> parameters, int forwardRuns, int adjointRuns) {}

  /** Trains with {@code adam} (one entry per weight, then per joint constant). */
  public Result train(Adam adam, Settings s) {
    JointConstants constants = problem.constants();
    int nw = net.params().length;
    double[] v = Arrays.copyOf(net.params(), nw + constants.size());
    System.arraycopy(constants.encode(values), 0, v, nw, constants.size());
    List<Double> losses = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    double[] bestV = v.clone();
    int bestIndex = 0;
    for (int k = 0; ; k++) {
      set(v, nw);
      Pass pass = forward();
      Misfit.Evaluation e = pass.evaluation();
      losses.add(e.loss());
      vals.add(e.validation());
      if (!Double.isFinite(e.loss())) {
        throw new IllegalStateException("adjoint-trained network: training misfit became "
            + e.loss() + " at evaluation " + (k + 1) + "; lower the learning rate");
      }
      boolean validates = problem.misfit().validates() && !Double.isNaN(e.validation());
      double score = validates ? e.validation() : e.loss();
      if (score < best) {
        best = score;
        bestV = v.clone();
        bestIndex = k;
      } else if (s.patience() > 0 && k - bestIndex >= s.patience()) {
        break;
      }
      if ((s.cap() != null && s.cap().tick()) || k == s.steps()) {
        break;
      }
      double[] grad = gradient(pass);
      for (int i = 0; s.l2() != 0 && i < nw; i++) {
        grad[i] += 2 * s.l2() * v[i];
      }
      if (s.runningBias()) {
        adam.step(v, grad);
      } else {
        adam.stepAt(k + 1, v, grad);
      }
    }
    set(bestV, nw);
    return new Result(toArray(losses), toArray(vals), bestIndex, net.predict(problem.x()),
        parameters(), forwardRuns, adjointRuns);
  }

  private void set(double[] v, int nw) {
    net.setParams(Arrays.copyOf(v, nw));
    problem.constants().decode(v, nw, values);
  }

  private static double[] toArray(List<Double> l) {
    return l.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
