package org.cml4j.fuse.net;

import org.nd4j.linalg.factory.Nd4j;

/** One-time ND4J settings for small graphs: one master thread, one OpenMP thread. */
final class Nd4jSettings {
  private static boolean configured;

  private Nd4jSettings() {}

  static synchronized void configure() {
    if (!configured) {
      Nd4j.getEnvironment().setMaxMasterThreads(1);
      Nd4j.getEnvironment().setMaxThreads(Integer.getInteger("cml4j.nd4j.threads", 1));
      configured = true;
    }
  }
}
