package org.cml4j.core.registry;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cml4j.core.spi.CouplingPlugin;

/**
 * Plugin jars from folders, for programs (such as the CLI) that run from a fixed class path. The
 * folders searched, in order: {@code $CML4J_HOME/plugins} (or the {@code cml4j.home} system
 * property), every entry of {@code CML4J_PLUGINS} (folders or jars, separated by the platform's
 * path separator), then folders given by the caller (the CLI's {@code --plugins DIR}). Every
 * {@code *.jar} found is put on one class loader whose parent is the application's, so a plugin
 * sees cml4j's own classes and {@link java.util.ServiceLoader} finds its {@link CouplingPlugin}.
 * A folder named explicitly (environment or caller) that does not exist is an error naming it;
 * the default {@code $CML4J_HOME/plugins} may be absent.
 */
public final class PluginFolders {
  /** Environment variable of the cml4j home (plugins in its {@code plugins/} folder). */
  public static final String HOME_ENV = "CML4J_HOME";
  /** Environment variable listing extra plugin folders or jars. */
  public static final String PLUGINS_ENV = "CML4J_PLUGINS";

  private final List<Path> jars;

  private PluginFolders(List<Path> jars) {
    this.jars = List.copyOf(jars);
  }

  /** Folders from the process environment and system properties, plus {@code extra}. */
  public static PluginFolders fromEnvironment(List<Path> extra) {
    return of(System.getenv(), System.getProperty("cml4j.home"), extra);
  }

  /**
   * Folders from the given environment.
   *
   * @param env environment variables ({@link #HOME_ENV}, {@link #PLUGINS_ENV})
   * @param homeProperty the {@code cml4j.home} property (used when {@link #HOME_ENV} is unset)
   * @param extra further folders or jars (must exist)
   */
  public static PluginFolders of(Map<String, String> env, String homeProperty, List<Path> extra) {
    Set<Path> found = new LinkedHashSet<>();
    String home = env.getOrDefault(HOME_ENV, homeProperty);
    if (home != null && !home.isBlank()) {
      Path dir = Path.of(home).resolve("plugins");
      if (Files.isDirectory(dir)) {
        found.addAll(jarsIn(dir, HOME_ENV + "/plugins"));
      }
    }
    String list = env.get(PLUGINS_ENV);
    if (list != null && !list.isBlank()) {
      for (String s : list.split(File.pathSeparator)) {
        if (!s.isBlank()) {
          found.addAll(jarsIn(Path.of(s.trim()), PLUGINS_ENV));
        }
      }
    }
    for (Path p : extra) {
      found.addAll(jarsIn(p, "--plugins"));
    }
    return new PluginFolders(new ArrayList<>(found));
  }

  private static List<Path> jarsIn(Path p, String source) {
    if (Files.isRegularFile(p)) {
      if (!p.getFileName().toString().endsWith(".jar")) {
        throw new IllegalArgumentException(source + ": " + p + " is not a .jar file or a folder");
      }
      return List.of(p.toAbsolutePath().normalize());
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException(source + ": plugin folder " + p.toAbsolutePath()
          + " does not exist");
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin folder " + p.toAbsolutePath() + ": "
          + e.getMessage(), e);
    }
  }

  /** The plugin jars found, in load order. */
  public List<Path> jars() {
    return jars;
  }

  /**
   * A class loader over the jars with {@code parent} as parent, or {@code parent} itself when
   * there are none. The loader stays open for the life of the process (plugins' classes are used
   * until exit).
   */
  public ClassLoader classLoader(ClassLoader parent) {
    if (jars.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("plugin jar " + jars.get(i) + ": " + e.getMessage(), e);
      }
    }
    return new URLClassLoader("cml4j-plugins", urls, parent);
  }

  /**
   * Where a plugin's classes come from: the jar's path for a plugin loaded from a plugin folder,
   * {@code "class path"} for one on the application class path (built-in modules, or a jar the
   * user put on the class path).
   */
  public static String origin(CouplingPlugin plugin) {
    ClassLoader cl = plugin.getClass().getClassLoader();
    if (cl instanceof URLClassLoader u && "cml4j-plugins".equals(u.getName())) {
      CodeSource cs = plugin.getClass().getProtectionDomain().getCodeSource();
      if (cs != null && cs.getLocation() != null) {
        try {
          return Path.of(cs.getLocation().toURI()).toString();
        } catch (Exception e) {
          return cs.getLocation().toString();
        }
      }
    }
    return "class path";
  }
}
