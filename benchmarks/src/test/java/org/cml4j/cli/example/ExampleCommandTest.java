package org.cml4j.cli.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cml4j.cli.Cml4jCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExampleCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Cml4jCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyModeHasAnExampleListedInReadingOrder() {
    assertThat(Examples.ALL.stream().map(Example::mode).collect(Collectors.toSet()))
        .containsAll(IntStream.rangeClosed(1, 10).boxed().toList());
    assertThat(Examples.ALL.stream().mapToInt(Example::mode).toArray()).isSorted();
    assertThat(Examples.ALL.stream().map(Example::name).distinct().count())
        .isEqualTo(Examples.ALL.size());
    Run r = run("example");
    assertThat(r.code()).isZero();
    for (Example e : Examples.ALL) {
      assertThat(r.out()).contains(e.name()).contains(e.summary());
    }
  }

  @Test
  void unknownExampleFailsListingTheKnownOnes() {
    Run r = run("example", "no-such-thing");
    assertThat(r.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(r.err()).contains("unknown example 'no-such-thing'").contains("gap-fill")
        .contains("hybrid");
  }
}
