package org.cml4j.core.spi;

/** Whether a coupling can address a task, and why not. */
public record Applicability(boolean applicable, String reason) {
  /** Applicable. */
  public static Applicability yes() {
    return new Applicability(true, "");
  }

  /** Not applicable, with the reason. */
  public static Applicability no(String reason) {
    return new Applicability(false, reason);
  }
}
