package org.cml4j.fuse.net;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.fuse.data.ZScore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tanh MLP {@link Regressor} as a SameDiff graph (double precision) with z-scored inputs and
 * linear outputs. {@link #backprop} differentiates {@code sum(dLdy * y)} with respect to the
 * weights in one reverse pass (the upstream gradient is a placeholder that is never itself
 * differentiated). The output layer starts small (weights scaled by 0.1) around a given bias, so
 * the initial outputs sit near a chosen value, e.g. the calibrated parameter. Not thread-safe.
 */
public final class SameDiffRegressor implements Regressor {
  private final SameDiff sd = SameDiff.create();
  private final ZScore scaler;
  private final int nIn;
  private final int nOut;
  private final List<String> vars = new ArrayList<>();

  /**
   * @param hidden hidden widths
   * @param scaler z-scoring of the inputs
   * @param nOut number of outputs
   * @param outputBias initial output biases (length nOut)
   * @param seed weight seed
   */
  public SameDiffRegressor(int[] hidden, ZScore scaler, int nOut, double[] outputBias,
      long seed) {
    if (outputBias.length != nOut) {
      throw new IllegalArgumentException("need " + nOut + " output biases, got "
          + outputBias.length);
    }
    Nd4jSettings.configure();
    this.scaler = scaler;
    this.nIn = scaler.width();
    this.nOut = nOut;
    Random rnd = new Random(seed);
    SDVariable a = sd.placeHolder("x", DataType.DOUBLE, -1, nIn);
    SDVariable g = sd.placeHolder("g", DataType.DOUBLE, -1, nOut);
    int in = nIn;
    for (int l = 0; l <= hidden.length; l++) {
      boolean last = l == hidden.length;
      int out = last ? nOut : hidden[l];
      double lim = Math.sqrt(6.0 / (in + out)) * (last ? 0.1 : 1);
      double[][] w = new double[in][out];
      for (double[] r : w) {
        for (int j = 0; j < out; j++) {
          r[j] = (2 * rnd.nextDouble() - 1) * lim;
        }
      }
      SDVariable wv = sd.var("W" + l, Nd4j.createFromArray(w));
      SDVariable bv = sd.var("b" + l, last ? Nd4j.createFromArray(new double[][] {outputBias})
          : Nd4j.zeros(DataType.DOUBLE, 1, out));
      vars.add("W" + l);
      vars.add("b" + l);
      a = a.mmul(wv).add(bv);
      if (!last) {
        a = sd.math().tanh(a);
      }
      in = out;
    }
    sd.identity("y", a);
    sd.setLossVariables(sd.identity("vjp", a.mul(g).sum()));
    PrintStream stdout = System.out;
    synchronized (System.class) {
      try {
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        sd.createGradFunction();
      } finally {
        System.setOut(stdout);
      }
    }
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
  public double[][] predict(double[][] x) {
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("x", Nd4j.createFromArray(scaler.apply(x)));
    return sd.output(ph, "y").get("y").toDoubleMatrix();
  }

  @Override
  public double[] backprop(double[][] x, double[][] dLdy) {
    if (dLdy.length != x.length) {
      throw new IllegalArgumentException("upstream gradient has " + dLdy.length + " rows, inputs "
          + x.length);
    }
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("x", Nd4j.createFromArray(scaler.apply(x)));
    ph.put("g", Nd4j.createFromArray(dLdy));
    Map<String, INDArray> gr = sd.calculateGradients(ph, vars);
    double[] out = new double[numParams()];
    int k = 0;
    for (String v : vars) {
      double[] f = gr.get(v).dup('c').reshape(gr.get(v).length()).toDoubleVector();
      System.arraycopy(f, 0, out, k, f.length);
      k += f.length;
    }
    return out;
  }

  /** Number of parameters. */
  public int numParams() {
    long n = 0;
    for (String v : vars) {
      n += sd.getVariable(v).getArr().length();
    }
    return (int) n;
  }

  @Override
  public double[] params() {
    double[] out = new double[numParams()];
    int k = 0;
    for (String v : vars) {
      INDArray a = sd.getVariable(v).getArr();
      double[] f = a.dup('c').reshape(a.length()).toDoubleVector();
      System.arraycopy(f, 0, out, k, f.length);
      k += f.length;
    }
    return out;
  }

  @Override
  public void setParams(double[] p) {
    if (p.length != numParams()) {
      throw new IllegalArgumentException("expected " + numParams() + " parameters, got "
          + p.length);
    }
    int k = 0;
    for (String v : vars) {
      INDArray a = sd.getVariable(v).getArr();
      int len = (int) a.length();
      double[] f = new double[len];
      System.arraycopy(p, k, f, 0, len);
      a.assign(Nd4j.createFromArray(f).reshape('c', a.shape()));
      k += len;
    }
  }
}
