package org.cml4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.registry.PluginFolders;

/**
 * The CLI's one plugin system instance (one injector per process, created on first use): the
 * built-in plugins on the class path plus the jars of the plugin folders ({@link PluginFolders}:
 * {@code $CML4J_HOME/plugins}, {@code CML4J_PLUGINS}, and {@code --plugins DIR}).
 */
public final class Plugins {
  private static final List<Path> EXTRA = new ArrayList<>();
  private static PluginFolders folders;
  private static Cml4j instance;

  private Plugins() {}

  /** Adds a folder (or jar) given with {@code --plugins}; only before the first {@link #get}. */
  public static synchronized void addFolder(Path dir) {
    if (instance != null) {
      throw new IllegalStateException("plugins already loaded; --plugins must come first");
    }
    EXTRA.add(dir);
  }

  /** The discovered plugins and their registry. */
  public static synchronized Cml4j get() {
    if (instance == null) {
      try {
        folders = PluginFolders.fromEnvironment(EXTRA);
        instance = Cml4j.builder().discoverPlugins(
            folders.classLoader(Plugins.class.getClassLoader())).build();
      } catch (IllegalArgumentException e) {
        throw new Cml4jCli.InputException(e.getMessage());
      }
    }
    return instance;
  }

  /**
   * A separate plugin system with the folders of {@link #get} plus {@code more} (e.g. the
   * {@code plugins:} of an experiment file); the shared instance is left as it is.
   */
  public static synchronized Cml4j withFolders(List<Path> more) {
    List<Path> all = new ArrayList<>(EXTRA);
    all.addAll(more);
    try {
      PluginFolders f = PluginFolders.fromEnvironment(all);
      return Cml4j.builder().discoverPlugins(f.classLoader(Plugins.class.getClassLoader()))
          .build();
    } catch (IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    }
  }

  /** The plugin jars loaded from folders (empty when none). */
  public static synchronized List<Path> jars() {
    get();
    return folders.jars();
  }
}
