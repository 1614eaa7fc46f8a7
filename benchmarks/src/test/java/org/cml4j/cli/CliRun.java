package org.cml4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code cml4j} command line in tests: exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {
  /** Runs {@code args} on a configured command line. */
  public static CliRun run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = Cml4jCli.execute(cl, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code args} on the default command line. */
  public static CliRun run(String... args) {
    return run(Cml4jCli.commandLine(), args);
  }
}
