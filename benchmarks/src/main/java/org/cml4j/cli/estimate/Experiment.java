package org.cml4j.cli.estimate;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The named experiments of {@code cml4j estimate --experiment}. */
public enum Experiment {
  HUANG2025_1DEPTH("huang2025-1depth", false),
  HUANG2025_2DEPTH("huang2025-2depth", false),
  PHOENIX_2012("phoenix-2012", true),
  BONDVILLE_1998("bondville-1998", true);

  private final String id;
  private final boolean site;

  Experiment(String id, boolean site) {
    this.id = id;
    this.site = site;
  }

  /** Name on the command line and in reports. */
  public String id() {
    return id;
  }

  /** Whether it is a real-site experiment (run through {@code SiteEstimation}). */
  public boolean site() {
    return site;
  }

  /** Comma-separated ids. */
  public static String allowed() {
    return Arrays.stream(values()).map(Experiment::id).collect(Collectors.joining(", "));
  }

  /** Parses an id (case-insensitive). */
  public static Experiment parse(String s) {
    for (Experiment e : values()) {
      if (e.id.equalsIgnoreCase(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown experiment '" + s + "'; allowed: " + allowed());
  }

  @Override
  public String toString() {
    return id;
  }

  /** picocli converter. */
  public static final class Converter extends Converters.Parsed<Experiment> {
    public Converter() {
      super(Experiment::parse);
    }
  }

  /** Completion candidates / help listing. */
  public static final class Ids implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(Experiment::id).iterator();
    }
  }
}
