package org.cml4j.lsm.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cml4j.lsm.data.SharedDataFolder;

/**
 * Locates {@code ../shared/data} (beside the project root) from any module directory. Every
 * real-data test of every module gets the folder here. On a developer machine a missing folder
 * skips the test (JUnit assumption); when the environment variable {@code CI} is set (any CI
 * service sets it) a missing folder or file FAILS the test, so CI can never pass by quietly
 * skipping the real-data tests.
 */
public final class SharedData {
  private static final Map<String, Object> READ = new ConcurrentHashMap<>();

  private SharedData() {}

  /**
   * Whether this is a CI run: environment variable {@code CI} (or system property {@code CI}, for
   * tests of this rule) set and not "false".
   */
  public static boolean ci() {
    String ci = System.getProperty("CI", System.getenv("CI"));
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  /**
   * Skips the calling test with {@code message} if {@code condition} is false, or fails it when
   * {@link #ci()}: the one assumption real-data tests use.
   */
  public static void require(boolean condition, String message) {
    if (condition) {
      return;
    }
    if (ci()) {
      throw new AssertionError(message + " (CI is set: real-data tests must not be skipped; "
          + "provide ../shared/data)");
    }
    assumeTrue(false, message + ": real-data test skipped");
  }

  /** The shared data folder, or a skip (a failure under CI) with a clear message. */
  public static Path dir() {
    Optional<Path> found = SharedDataFolder.above(Path.of(""), 5);
    if (found.isPresent()) {
      return found.get();
    }
    require(false, "../shared/data not found above " + Path.of("").toAbsolutePath());
    return null;
  }

  /** A file under {@code shared/data}; skips (under CI: fails) the calling test if absent. */
  public static Path file(String relative) {
    Path f = dir().resolve(relative);
    require(Files.isRegularFile(f), f + " not found");
    return f;
  }

  /**
   * {@code reader} applied to the file {@code relative} under {@code shared/data}, read once per
   * test JVM and then shared (for immutable results, e.g. a whole site file); skips or fails as
   * {@link #file} when the file is absent.
   */
  public static <T> T read(String relative, Function<Path, T> reader) {
    Path f = file(relative);
    @SuppressWarnings("unchecked")
    T cached = (T) READ.computeIfAbsent(relative, r -> reader.apply(f));
    return cached;
  }

  /** Reads a one-column text file of numbers. */
  public static double[] column(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().map(String::trim).filter(s -> !s.isEmpty())
          .mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
