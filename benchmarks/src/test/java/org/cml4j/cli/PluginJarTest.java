package org.cml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin example of docs/WRITING_A_COUPLING.md, compiled from the page itself, jarred into a
 * temporary plugin folder and run through {@code list} and {@code bench} in a separate JVM (the way
 * a user's {@code ./cml4j --plugins DIR ...} runs), so the page cannot drift from what works.
 */
class PluginJarTest {
  private static final Pattern EXAMPLE = Pattern.compile(
      "<!-- plugin-example: (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

  @TempDir
  static Path tmp;
  static Path pluginDir;

  @BeforeAll
  static void buildPluginJarFromTheDoc() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "WRITING_A_COUPLING.md"));
    Matcher m = EXAMPLE.matcher(doc);
    Path src = tmp.resolve("src");
    Path classes = tmp.resolve("classes");
    List<String> javaFiles = new ArrayList<>();
    while (m.find()) {
      boolean java = m.group(1).endsWith(".java");
      Path f = (java ? src : classes).resolve(m.group(1));
      Files.createDirectories(f.getParent());
      Files.writeString(f, m.group(2));
      if (java) {
        javaFiles.add(f.toString());
      }
    }
    assertThat(javaFiles).as("java examples on the page").hasSize(2);
    assertThat(classes.resolve("META-INF/services/org.cml4j.core.spi.CouplingPlugin")).exists();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", spiClassPath(),
        "--release", "17"));
    args.addAll(javaFiles);
    assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
        .as("the page's example compiles").isZero();
    pluginDir = Files.createDirectories(tmp.resolve("plugins"));
    try (OutputStream os = Files.newOutputStream(pluginDir.resolve("acme-plugin.jar"));
        JarOutputStream jar = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
  }

  @Test
  void listShowsThePluginAndItsJar() throws Exception {
    Result r = cli("--plugins", pluginDir.toString(), "list");
    assertThat(r.code).as(r.text).isZero();
    assertThat(r.text).contains("acme.linear-correction").contains("post-processing")
        .containsPattern("acme\\s+" + Pattern.quote(pluginDir.resolve("acme-plugin.jar")
            .toString()));
    assertThat(r.text).containsPattern("cml4j-cascade\\s+class path");
    assertThat(r.text).containsPattern("baseline\\.physics-only\\s+baseline\\s+cml4j-baselines")
        .containsPattern("cml4j-baselines\\s+class path");
  }

  @Test
  void benchRunsThePluginNextToTheBaseline() throws Exception {
    Path out = tmp.resolve("bench");
    Result r = cli("bench", "--plugins", pluginDir.toString(), "--suite", "tiny", "--tasks",
        "twin,twin-extrap", "--couplings", "acme.*,baseline.physics-only", "--out",
        out.toString(), "-q");
    assertThat(r.code).as(r.text).isZero();
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    List<String> acme = rows.stream().filter(l -> l.contains(",acme.linear-correction,"))
        .toList();
    assertThat(acme).as(String.join("\n", rows)).isNotEmpty()
        .allMatch(l -> l.contains(",ok,") || l.contains(",not-predicted,"))
        .anyMatch(l -> l.contains(",SoilTemp_0.05,") && l.contains(",ok,"));
    assertThat(acme.stream().map(l -> l.split(",")[0]).distinct())
        .containsExactlyInAnyOrder("twin", "twin-extrap");
  }

  /**
   * experiments/plugin.yaml names its plugin folder {@code plugins} next to the file: copied next
   * to the jar's folder it runs the plugin coupling and the physics baseline, exit 0.
   */
  @Test
  void pluginExperimentFileRunsThePluginCoupling() throws Exception {
    Path file = tmp.resolve("plugin.yaml");
    Files.copy(Path.of("..", "experiments", "plugin.yaml"), file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path out = tmp.resolve("run");
    Result r = cli("run", file.toString(), "--out", out.toString(), "-q");
    assertThat(r.code).as(r.text).isZero();
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertThat(rows).anyMatch(l -> l.contains(",acme.linear-correction,")
        && l.contains(",SoilTemp_0.05,") && l.contains(",ok,"));
    assertThat(rows.stream().skip(1).map(l -> l.split(",")[2]).distinct())
        .containsExactlyInAnyOrder("acme.linear-correction", "baseline.physics-only");
    assertThat(Files.readString(out.resolve("experiment.yaml")))
        .contains(pluginDir.toAbsolutePath().normalize().toString())
        .contains("acme.linear-correction: {}");
  }

  @Test
  void aMissingPluginFolderIsAnInputErrorNamingIt() throws Exception {
    Path missing = tmp.resolve("no-such-folder");
    Result r = cli("--plugins", missing.toString(), "list");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.text).contains(missing.toAbsolutePath().toString()).contains("does not exist")
        .doesNotContain("Exception");
  }

  private record Result(int code, String text) {}

  private static Result cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Djava.awt.headless=true", "-cp", classPath(),
        Cml4jCli.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.remove("CML4J_HOME");
    env.remove("CML4J_PLUGINS");
    env.put("OMP_NUM_THREADS", "1");
    Path log = Files.createTempFile(tmp, "cli", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("cli finished").isTrue();
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The module's test class path (surefire passes it in a property when it uses a booter jar). */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** cml4j-core-spi alone: the page says a plugin needs nothing else (no cml4j-core, no DL4J). */
  private static String spiClassPath() {
    String cp = classPath();
    String spi = java.util.Arrays.stream(cp.split(java.io.File.pathSeparator))
        .filter(e -> e.contains("core-spi")).collect(java.util.stream.Collectors.joining(
            java.io.File.pathSeparator));
    assertThat(spi).as("cml4j-core-spi on the test class path " + cp).isNotEmpty();
    return spi;
  }

}
