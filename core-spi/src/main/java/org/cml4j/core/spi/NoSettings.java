package org.cml4j.core.spi;

/**
 * The settings type of a coupling that has nothing to set (everything follows from the task and
 * its budget); an experiment file gives it as {@code {}}.
 */
public record NoSettings() {
  /** The one value. */
  public static final NoSettings INSTANCE = new NoSettings();
}
