package org.cml4j.cli;

import org.cml4j.core.registry.Cml4j;

/** The CLI's one plugin system instance (one injector per process, created on first use). */
public final class Plugins {
  private Plugins() {}

  private static final class Holder {
    private static final Cml4j INSTANCE = Cml4j.discover();
  }

  /** The discovered plugins and their registry. */
  public static Cml4j get() {
    return Holder.INSTANCE;
  }
}
