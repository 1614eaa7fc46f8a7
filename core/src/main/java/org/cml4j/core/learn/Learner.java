package org.cml4j.core.learn;

/**
 * A trainable regression network on time series: rows are time steps, columns are variables.
 *
 * <p>Inputs are z-scored with a {@link Standardizer} fitted on the training rows, and the network
 * predicts z-scored targets that are mapped back to the original units, so every method here takes
 * and returns <em>original</em> units. Feature values must be finite (an {@link
 * IllegalArgumentException} names the offending row and column); target values may be NaN (gaps),
 * which are left out of the loss entry by entry.
 *
 * <p><b>Time alignment.</b> Output row {@code t} is aligned with input row {@code t}. An MLP maps
 * row {@code t} alone. An LSTM reads the window of rows {@code t-lookback+1 .. t} of the same
 * matrix, starting from a zero state. For the first {@code lookback-1} rows, where the history is
 * shorter than the window, the window is padded at its start by repeating row 0 (a spin-up as if
 * the series had been constant before its first row), so every window has the trained length and
 * the gradients stay exact. Each matrix passed in is therefore one contiguous series; to give
 * validation or prediction rows their true history, prepend the preceding rows and drop those
 * outputs.
 *
 * <p><b>Gradients.</b> {@link #backprop} and {@link #inputGradient} are exact reverse-mode
 * derivatives (double precision) of {@code sum_tj dLossDy[t][j] * predict(x)[t][j]}, i.e.
 * vector-Jacobian products with an upstream gradient such as the one a physics adjoint supplies.
 * Use them with {@link #params()}/{@link #setParams} to train a network through a physics model.
 *
 * <p>Implementations are deterministic for a given {@link LearnerSpec#seed()} and not thread-safe
 * for concurrent training; use {@link #copy()} per thread.
 */
public interface Learner extends Regressor {

  /**
   * Fits the scalers on the training rows, re-initialises the weights from the seed and trains
   * with early stopping on the validation rows (restoring the best epoch).
   *
   * @param xTrain training features [rows][nIn], finite
   * @param yTrain training targets [rows][nOut], NaN = missing
   * @param xVal validation features, or null for no validation (then all {@code maxEpochs} run)
   * @param yVal validation targets, or null together with {@code xVal}
   */
  TrainingReport fit(double[][] xTrain, double[][] yTrain, double[][] xVal, double[][] yVal);

  /**
   * Continues training from the current weights and updater state for at most {@code epochs}
   * epochs at {@code learningRate}, keeping the scalers (warm start, e.g. on a target site). With
   * validation data the best epoch, including the starting weights (epoch 0), is restored.
   */
  TrainingReport fineTune(double[][] x, double[][] y, double[][] xVal, double[][] yVal, int epochs,
      double learningRate);

  /** Predictions [rows][nOut] in target units, row-aligned with {@code x} (see class doc). */
  double[][] predict(double[][] x);

  /** Number of trainable parameters. */
  int numParams();

  /** A copy of the flattened parameters (weights and biases of all layers). */
  double[] params();

  /** Replaces the parameters by {@code p} (length {@link #numParams()}, finite). */
  void setParams(double[] p);

  /**
   * Gradient of {@code sum_tj dLossDy[t][j] * predict(x)[t][j]} with respect to {@link #params()}
   * (target scaling included). Rows whose upstream gradient is all zero cost nothing.
   *
   * @param x features [rows][nIn]
   * @param dLossDy upstream gradient [rows][nOut] in target units, finite
   */
  double[] backprop(double[][] x, double[][] dLossDy);

  /**
   * Gradient of {@code sum_tj dLossDy[t][j] * predict(x)[t][j]} with respect to {@code x}
   * [rows][nIn] (feature and target scaling included; for an LSTM the contributions of every
   * window a row appears in are summed).
   */
  double[][] inputGradient(double[][] x, double[][] dLossDy);

  /** Feature scaler currently applied (identity before the first fit). */
  Standardizer featureScaler();

  /** Target scaler currently applied (identity before the first fit). */
  Standardizer targetScaler();

  /**
   * Sets the scalers without training, e.g. to train only through {@link #backprop} with targets
   * of a known scale; a later {@link #fit} refits them.
   */
  void setScalers(Standardizer features, Standardizer targets);

  /** Number of input columns. */
  int nIn();

  /** Number of output columns. */
  int nOut();

  /** The settings this learner was created with. */
  LearnerSpec spec();

  /** Independent deep copy: weights, updater state, scalers and shuffling state. */
  Learner copy();
}
