package org.cml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} of every command prints its usage and nothing else: no picocli warning (an
 * unescaped {@code %} in a description makes picocli print "[picocli WARN] Could not format ..."
 * on System.err), exit code 0.
 */
class HelpTest {
  @Test
  void helpOfEveryCommandPrintsNoWarning() {
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of());
    for (String name : Cml4jCli.commandLine().getSubcommands().keySet()) {
      commands.add(List.of(name));
    }
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
    PrintStream saved = System.err;
    try {
      for (List<String> cmd : commands) {
        ByteArrayOutputStream sys = new ByteArrayOutputStream();
        System.setErr(new PrintStream(sys, true, StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(cmd);
        args.add("--help");
        CommandLine cl = Cml4jCli.commandLine();
        CliRun r = CliRun.run(cl, args.toArray(String[]::new));
        String all = r.out() + r.err() + sys.toString(StandardCharsets.UTF_8);
        assertThat(r.code()).as("cml4j " + args).isZero();
        assertThat(r.out()).as("cml4j " + args).contains("Usage:");
        assertThat(all).as("cml4j " + args).doesNotContain("WARN")
            .doesNotContain("Could not format");
      }
    } finally {
      System.setErr(saved);
    }
  }
}
