package org.cml4j.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: cml4j version, Java, OS, processors, date, git commit, command line
 * and SHA-256 fingerprints of the input files.
 *
 * @param inputs file name (as given) to SHA-256 hex, or to "missing" / "unreadable: ..."
 */
public record Provenance(String version, String java, String os, int processors, String date,
    String gitCommit, List<String> arguments, Map<String, String> inputs) {

  /** Collects provenance now. */
  public static Provenance collect(List<String> arguments, List<Path> inputFiles) {
    Map<String, String> fp = new LinkedHashMap<>();
    for (Path p : inputFiles) {
      fp.put(p.toString(), sha256(p));
    }
    return new Provenance(cml4jVersion(), System.getProperty("java.version") + " ("
        + System.getProperty("java.vendor") + ")", System.getProperty("os.name") + " "
        + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), currentGitCommit(),
        List.copyOf(arguments), fp);
  }

  /** Implementation-Version of the jar manifest, or "dev". */
  public static String cml4jVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Versions of the libraries results depend on (from their Maven pom.properties on the class
   * path): cml4j, ND4J, DL4J, Guice, Commons Math, and the Java runtime.
   */
  public static Map<String, String> libraryVersions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("cml4j", cml4jVersion());
    v.put("java", System.getProperty("java.version"));
    String[][] libs = {{"org.nd4j", "nd4j-api"}, {"org.deeplearning4j", "deeplearning4j-nn"},
        {"com.google.inject", "guice"}, {"org.apache.commons", "commons-math3"}};
    for (String[] l : libs) {
      String res = "META-INF/maven/" + l[0] + "/" + l[1] + "/pom.properties";
      try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(res)) {
        if (in != null) {
          java.util.Properties p = new java.util.Properties();
          p.load(in);
          v.put(l[1], p.getProperty("version", "unknown"));
        }
      } catch (IOException e) {
        v.put(l[1], "unreadable");
      }
    }
    return v;
  }

  /** SHA-256 of a file as hex. */
  public static String sha256(Path p) {
    if (!Files.isRegularFile(p)) {
      return "missing";
    }
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : md.digest()) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  /**
   * {@code git rev-parse HEAD} run in the folder of the code (the jar or classes) and then in the
   * working directory; "unknown" if neither works.
   */
  public static String currentGitCommit() {
    List<Path> dirs = new ArrayList<>();
    try {
      Path code = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      dirs.add(Files.isDirectory(code) ? code : code.getParent());
    } catch (Exception e) {
      // no code source: try the working directory only
    }
    dirs.add(Path.of("").toAbsolutePath());
    for (Path d : dirs) {
      String c = git(d);
      if (c != null) {
        return c;
      }
    }
    return "unknown";
  }

  private static String git(Path dir) {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
          .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
