package org.cml4j.cli;

import java.io.PrintWriter;
import org.cml4j.cli.bench.BenchCommand;
import org.cml4j.cli.convert.ConvertCommand;
import org.cml4j.cli.estimate.EstimateCommand;
import org.cml4j.cli.example.ExampleCommand;
import org.cml4j.cli.list.ListCommand;
import org.cml4j.cli.map.MapCommand;
import org.cml4j.core.provenance.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code cml4j} command. Subcommands are listed in {@link #SUBCOMMANDS}: to add one, write a
 * {@code @Command} class implementing {@code Callable<Integer>} and add it there.
 *
 * <p>Exit codes, the same in every command: {@link #OK} 0, {@link #USAGE} 2 for bad usage or input
 * (one-line message on stderr naming the option, file or variable), {@link #FAILURE} 1 for
 * unexpected failures (one line, and where the stack trace is). The mapping of exceptions to codes
 * is {@link Failures}. {@code --verbose} adds stack traces.
 */
@Command(name = "cml4j", mixinStandardHelpOptions = true, versionProvider = Cml4jCli.Version.class,
    description = "Coupling mechanism and learning models for land-surface physics.",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Exit codes: 0 ok, 2 usage or bad input, 1 unexpected failure."})
public final class Cml4jCli implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  /** Subcommands, in help order. */
  static final Class<?>[] SUBCOMMANDS = {BenchCommand.class, EstimateCommand.class,
      ExampleCommand.class, ListCommand.class, MapCommand.class, ConvertCommand.class,
      org.cml4j.cli.run.RunCommand.class};

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  /** Plugin folders or jars (repeatable, any position); see {@link Plugins}. */
  @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Also load coupling plugins from the jars in DIR (besides $CML4J_HOME/plugins"
          + " and CML4J_PLUGINS); repeatable.")
  void plugins(java.nio.file.Path dir) {
    Plugins.addFolder(dir);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** A configured command line (used by {@link #main} and tests). */
  public static CommandLine commandLine() {
    return commandLine(new Object[0]);
  }

  /**
   * A configured command line with the given subcommand instances (e.g. an {@code EstimateCommand}
   * with a test {@link SiteEstimation}) instead of the default ones of the same name.
   */
  public static CommandLine commandLine(Object... subcommands) {
    CommandLine cl = new CommandLine(new Cml4jCli());
    java.util.Set<String> given = new java.util.HashSet<>();
    for (Object o : subcommands) {
      CommandLine sub = new CommandLine(o);
      given.add(sub.getCommandName());
      cl.addSubcommand(sub);
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (!given.contains(c.getAnnotation(Command.class).name())) {
        cl.addSubcommand(c);
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Cml4jCli::onParameterError);
    cl.setExecutionExceptionHandler(Cml4jCli::onExecutionError);
    return cl;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(commandLine(), args));
  }

  private static int onParameterError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
        + " (see " + cl.getCommandSpec().qualifiedName() + " --help)");
    if (verbose(cl.getParseResult()) || java.util.Arrays.asList(args).contains("--verbose")) {
      ex.printStackTrace(err);
    }
    err.flush();
    return USAGE;
  }

  private static int onExecutionError(Exception ex, CommandLine cl, ParseResult root) {
    return Failures.report(cl.getCommandSpec().qualifiedName(), ex, verbose(root), cl.getErr());
  }

  /**
   * Runs {@code args} on {@code cl} like {@link CommandLine#execute}, and turns an {@link Error}
   * escaping it (OutOfMemoryError, StackOverflowError: picocli handles only exceptions) into a
   * one-line message with the setting to change, exit code 1.
   */
  public static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      String name = cl.getCommandName();
      for (ParseResult p = cl.getParseResult(); p != null; p = p.subcommand()) {
        name = p.commandSpec().qualifiedName();
      }
      return Failures.report(name, e, java.util.Arrays.asList(args).contains("--verbose"),
          cl.getErr());
    }
  }

  private static boolean verbose(ParseResult pr) {
    for (ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Version from the jar manifest ("dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cml4j " + Provenance.cml4jVersion(), "Java " + System.getProperty(
          "java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty(
          "os.arch")};
    }
  }

  /** Bad user input found while running (exit code 2, message only). */
  public static final class InputException extends RuntimeException {
    public InputException(String message) {
      super(message);
    }
  }
}
