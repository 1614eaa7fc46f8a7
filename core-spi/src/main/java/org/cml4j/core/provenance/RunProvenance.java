package org.cml4j.core.provenance;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provenance of one coupling run (Tribuo-style): what ran, with which configuration and seed, on
 * which data (fingerprint), with which library versions and code (git commit). Enough to
 * reproduce the run.
 *
 * @param coupling coupling name
 * @param plugin plugin that contributed it
 * @param config configuration key/values (sorted)
 * @param seed random seed
 * @param dataFingerprint SHA-256 of the task data the coupling saw
 * @param versions library versions
 * @param gitCommit commit of the code or "unknown"
 * @param date ISO-8601 time of the run
 */
public record RunProvenance(String coupling, String plugin, Map<String, String> config, long seed,
    String dataFingerprint, Map<String, String> versions, String gitCommit, String date) {
  /**
   * Key of the calibrated physics' id ({@code Calibration#id()} in cml4j-core) in
   * {@link #config()}.
   */
  public static final String CALIBRATION_KEY = "calibration";

  public RunProvenance {
    config = Map.copyOf(new TreeMap<>(config));
    versions = Map.copyOf(versions);
  }

  /** Collects versions, git commit and date now. */
  public static RunProvenance of(String coupling, String plugin, Map<String, String> config,
      long seed, String dataFingerprint) {
    return new RunProvenance(coupling, plugin, config, seed, dataFingerprint,
        Provenance.libraryVersions(), GitCommit.get(),
        OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** Cached git commit lookup (one process spawn per JVM). */
  private static final class GitCommit {
    private static final String VALUE = Provenance.currentGitCommit();

    static String get() {
      return VALUE;
    }
  }
}
