package org.cml4j.core.learn;

import java.io.OutputStream;
import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J settings for learners: one master thread and, unless the system property
 * {@code cml4j.nd4j.threads} says otherwise, one OpenMP thread (per-op threading costs more than
 * it saves on [32 x 32] matrices); and DOUBLE as ND4J's default floating type, because parts of
 * DL4J 1.0.0-M2.1 (the LSTM forward pass, LastTimeStep backprop) allocate work arrays in the
 * default type and would otherwise round a DOUBLE network to float precision. Also disables
 * JavaCPP's physical-memory check ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}) unless set.
 */
public final class Nd4jRuntime {
  static final String JAVACPP_MAX_PHYSICAL = "org.bytedeco.javacpp.maxPhysicalBytes";
  private static boolean configured;

  private Nd4jRuntime() {}

  /** Applies the settings once per JVM (later calls do nothing). */
  public static synchronized void configure() {
    if (configured) {
      return;
    }
    // JavaCPP otherwise reads the process's resident size (/proc) on every native allocation to
    // police a physical-memory cap: about a third of the CPU of a small-network training step.
    // Effective only if set before ND4J first loads; an explicit user setting wins.
    if (System.getProperty(JAVACPP_MAX_PHYSICAL) == null) {
      System.setProperty(JAVACPP_MAX_PHYSICAL, "0");
    }
    int threads = Integer.getInteger("cml4j.nd4j.threads", 1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    Nd4j.getEnvironment().setMaxThreads(Math.max(1, threads));
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    configured = true;
  }

  /**
   * Builds the reverse graph of {@code sd} now with stdout muted: ND4J 1.0.0-M2.1's
   * {@code createGradFunction} prints one "Added differentiated op" line per op.
   */
  public static void createGradFunctionQuietly(SameDiff sd) {
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
}
