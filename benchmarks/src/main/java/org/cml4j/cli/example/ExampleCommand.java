package org.cml4j.cli.example;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.examples.Example;
import org.cml4j.examples.Examples;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cml4j example [NAME [ARGS...]]}: lists the runnable examples of the coupling modes in
 * reading order, or runs one.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
    description = {"Run one of the coupling-mode examples (no NAME: list them in reading order).",
        "Measured results of each are in docs/modes/."})
public final class ExampleCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "example name")
  String name;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS",
      description = "arguments of the example (see the list)")
  List<String> args = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name == null) {
      int w = Examples.ALL.stream().mapToInt(e -> e.name().length()).max().orElse(8);
      out.printf("%-4s %-" + w + "s  %s%n", "mode", "example", "what (arguments)");
      for (Example e : Examples.ALL) {
        out.printf("%-4d %-" + w + "s  %s%s%n", e.mode(), e.name(), e.summary(),
            e.arguments().isEmpty() ? "" : "  " + e.arguments());
      }
      out.printf("%nrun one with ./cml4j example NAME [ARGS...]%n");
      out.flush();
      return Cml4jCli.OK;
    }
    Example e = Examples.find(name).orElseThrow(() -> new CommandLine.ParameterException(
        spec.commandLine(), "unknown example '" + name + "'; known: " + Examples.ALL.stream()
            .map(Example::name).collect(Collectors.joining(", "))));
    out.printf("example %s (mode %d, %s)%n", e.name(), e.mode(), e.mainClass());
    out.flush();
    e.main().accept(args.toArray(String[]::new));
    return Cml4jCli.OK;
  }
}
