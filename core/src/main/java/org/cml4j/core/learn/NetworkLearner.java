package org.cml4j.core.learn;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** {@link Learner} backed by a DL4J {@link MultiLayerNetwork} in double precision. */
final class NetworkLearner implements Learner {
  /** Rows per forward/backward chunk outside training (bounds memory of LSTM windows). */
  static final int CHUNK = 4096;
  private static final ILossFunction SEED_LOSS = new SeedLoss();

  private final LearnerSpec spec;
  private final int nIn;
  private final int nOut;
  private MultiLayerNetwork net;
  private Standardizer xScaler;
  private Standardizer yScaler;
  /** Training calls since the last fit: decorrelates the shuffling of successive fine-tunes. */
  private long round;

  NetworkLearner(LearnerSpec spec, int nIn, int nOut) {
    if (nIn < 1 || nOut < 1) {
      throw new IllegalArgumentException("nIn = " + nIn + ", nOut = " + nOut
          + ": both must be >= 1");
    }
    this.spec = spec;
    this.nIn = nIn;
    this.nOut = nOut;
    this.net = NetworkFactory.build(spec, nIn, nOut);
    this.xScaler = Standardizer.identity(nIn);
    this.yScaler = Standardizer.identity(nOut);
  }

  private NetworkLearner(NetworkLearner o) {
    this.spec = o.spec;
    this.nIn = o.nIn;
    this.nOut = o.nOut;
    this.net = o.net.clone();
    this.xScaler = o.xScaler;
    this.yScaler = o.yScaler;
    this.round = o.round;
  }

  @Override
  public synchronized TrainingReport fit(double[][] xTrain, double[][] yTrain, double[][] xVal,
      double[][] yVal) {
    InputChecks.pair(xTrain, "xTrain", yTrain, "yTrain", nIn, nOut, true);
    checkValidation(xVal, yVal);
    xScaler = Standardizer.fit(xTrain, "xTrain");
    yScaler = Standardizer.fit(yTrain, "yTrain");
    net = NetworkFactory.build(spec, nIn, nOut);
    round = 0;
    return train(xTrain, yTrain, xVal, yVal, spec.maxEpochs(), false, "yTrain");
  }

  @Override
  public synchronized TrainingReport fineTune(double[][] x, double[][] y, double[][] xVal,
      double[][] yVal, int epochs, double learningRate) {
    InputChecks.pair(x, "x", y, "y", nIn, nOut, true);
    checkValidation(xVal, yVal);
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs = " + epochs + " must be >= 1");
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate = " + learningRate + " must be finite > 0");
    }
    net.setLearningRate(learningRate);
    round++;
    return train(x, y, xVal, yVal, epochs, true, "y");
  }

  private void checkValidation(double[][] xVal, double[][] yVal) {
    if ((xVal == null) != (yVal == null)) {
      throw new IllegalArgumentException("xVal and yVal must both be given or both be null");
    }
    if (xVal != null) {
      InputChecks.pair(xVal, "xVal", yVal, "yVal", nIn, nOut, true);
    }
  }

  private TrainingReport train(double[][] x, double[][] y, double[][] xVal, double[][] yVal,
      int maxEpochs, boolean warmStart, String yName) {
    long t0 = System.nanoTime();
    double[][] zx = xScaler.transform(x);
    double[][] zy = yScaler.transform(y);
    SeriesBatches batches = new SeriesBatches(zx, nIn, spec);
    int[] usable = NetworkRows.rowsWithTargets(zy, yName);
    NetworkRows.Evaluation trainEval = new NetworkRows.Evaluation(batches, zy, usable);
    NetworkRows.Evaluation valEval = null;
    if (xVal != null) {
      double[][] zyv = yScaler.transform(yVal);
      valEval = new NetworkRows.Evaluation(new SeriesBatches(xScaler.transform(xVal), nIn, spec),
          zyv, NetworkRows.rowsWithTargets(zyv, "yVal"));
    }
    Random rnd = new Random(spec.seed() * 0x9E3779B97F4A7C15L + round);
    int batch = Math.min(spec.batchSize(), usable.length);
    double[] trainLoss = new double[maxEpochs];
    double[] valLoss = new double[maxEpochs];
    Arrays.fill(valLoss, Double.NaN);
    INDArray start = net.params().dup();
    double best = Double.POSITIVE_INFINITY;
    INDArray bestParams = null;
    int bestEpoch = 0;
    if (warmStart && valEval != null) {
      best = valEval.loss(net, nOut);
      bestParams = net.params().dup();
    }
    int since = 0;
    int epoch = 0;
    boolean stopped = false;
    INDArray[] lmask = new INDArray[1];
    while (epoch < maxEpochs && !stopped) {
      NetworkRows.shuffle(usable, rnd);
      for (int from = 0; from < usable.length; from += batch) {
        int to = Math.min(usable.length, from + batch);
        INDArray labels = SeriesBatches.labels(zy, usable, from, to, lmask);
        net.fit(new DataSet(batches.features(usable, from, to), labels, null, lmask[0]));
      }
      trainLoss[epoch] = trainEval.loss(net, nOut);
      if (!Double.isFinite(trainLoss[epoch])) {
        net.setParams(bestParams != null ? bestParams : start);
        throw new IllegalStateException("training diverged in epoch " + (epoch + 1)
            + " (training loss " + trainLoss[epoch] + "); lower the learning rate (now "
            + net.getLearningRate(0) + "); weights reset to the best or starting ones");
      }
      epoch++;
      if (valEval != null) {
        valLoss[epoch - 1] = valEval.loss(net, nOut);
        if (valLoss[epoch - 1] < best) {
          best = valLoss[epoch - 1];
          bestParams = net.params().dup();
          bestEpoch = epoch;
          since = 0;
        } else if (spec.patience() > 0 && ++since >= spec.patience() && epoch < maxEpochs) {
          stopped = true;
        }
      }
    }
    if (valEval == null) {
      bestEpoch = epoch;
    } else if (bestParams != null) {
      net.setParams(bestParams);
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    return new TrainingReport(epoch, bestEpoch, Arrays.copyOf(trainLoss, epoch),
        Arrays.copyOf(valLoss, epoch), seconds, stopped);
  }

  @Override
  public synchronized double[][] predict(double[][] x) {
    InputChecks.matrix(x, "x", nIn, "nIn", false);
    SeriesBatches b = new SeriesBatches(xScaler.transform(x), nIn, spec);
    double[][] z = NetworkRows.outputZ(net, nOut, b, NetworkRows.allRows(x.length));
    return yScaler.inverse(z);
  }

  @Override
  public synchronized double[] backprop(double[][] x, double[][] dLossDy) {
    double[] g = new double[numParams()];
    vjp(x, dLossDy, g, null);
    return g;
  }

  @Override
  public synchronized double[][] inputGradient(double[][] x, double[][] dLossDy) {
    double[][] dz = new double[x.length][nIn];
    vjp(x, dLossDy, null, dz);
    for (double[] row : dz) {
      for (int j = 0; j < nIn; j++) {
        row[j] /= xScaler.scale(j);
      }
    }
    return dz;
  }

  /** Accumulates parameter ({@code g}) and/or z-input ({@code dz}) gradients. */
  private void vjp(double[][] x, double[][] dLossDy, double[] g, double[][] dz) {
    InputChecks.pair(x, "x", dLossDy, "dLossDy", nIn, nOut, false);
    double[][] seedZ = new double[x.length][nOut];
    int[] rows = new int[x.length];
    int n = 0;
    for (int t = 0; t < x.length; t++) {
      boolean any = false;
      for (int j = 0; j < nOut; j++) {
        seedZ[t][j] = dLossDy[t][j] * yScaler.scale(j); // y = mean + scale * z
        any |= seedZ[t][j] != 0;
      }
      if (any) {
        rows[n++] = t;
      }
    }
    if (n == 0) {
      return;
    }
    rows = Arrays.copyOf(rows, n);
    SeriesBatches b = new SeriesBatches(xScaler.transform(x), nIn, spec);
    BaseOutputLayer outConf = (BaseOutputLayer) net.getOutputLayer().conf().getLayer();
    ILossFunction loss = outConf.getLossFn();
    outConf.setLossFn(SEED_LOSS);
    INDArray[] noMask = new INDArray[1];
    try {
      for (int from = 0; from < n; from += CHUNK) {
        int to = Math.min(n, from + CHUNK);
        INDArray seed = SeriesBatches.labels(seedZ, rows, from, to, noMask);
        Pair<Gradient, INDArray> p = net.calculateGradients(b.features(rows, from, to), seed,
            null, null);
        if (g != null) {
          double[] part = p.getFirst().gradient().dup().data().asDouble();
          for (int i = 0; i < g.length; i++) {
            g[i] += part[i];
          }
        }
        if (dz != null) {
          b.scatterInputGradient(p.getSecond(), rows, from, to, dz);
        }
      }
    } finally {
      outConf.setLossFn(loss);
      net.clearLayerMaskArrays();
      net.clear();
    }
  }

  @Override
  public int numParams() {
    return (int) net.numParams();
  }

  @Override
  public synchronized double[] params() {
    return net.params().dup().data().asDouble();
  }

  @Override
  public synchronized void setParams(double[] p) {
    InputChecks.vector(p, "params", numParams());
    net.setParams(Nd4j.create(p, new long[] {1, p.length}, DataType.DOUBLE));
  }

  @Override
  public Standardizer featureScaler() {
    return xScaler;
  }

  @Override
  public Standardizer targetScaler() {
    return yScaler;
  }

  @Override
  public synchronized void setScalers(Standardizer features, Standardizer targets) {
    if (features.columns() != nIn || targets.columns() != nOut) {
      throw new IllegalArgumentException("scalers have " + features.columns() + " and "
          + targets.columns() + " columns, expected nIn = " + nIn + " and nOut = " + nOut);
    }
    xScaler = features;
    yScaler = targets;
  }

  @Override
  public int nIn() {
    return nIn;
  }

  @Override
  public int nOut() {
    return nOut;
  }

  @Override
  public LearnerSpec spec() {
    return spec;
  }

  @Override
  public synchronized Learner copy() {
    return new NetworkLearner(this);
  }

  @Override
  public String toString() {
    return "Learner[" + spec + ", " + nIn + " -> " + nOut + ", " + numParams() + " params]";
  }
}
