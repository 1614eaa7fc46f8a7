package org.cml4j.cli.example;

import org.cml4j.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.examples.Example;
import org.cml4j.examples.Examples;
import org.junit.jupiter.api.Test;

class ExampleCommandTest {

  @Test
  void everyModeHasAnExampleListedInReadingOrder() {
    assertThat(Examples.ALL.stream().map(Example::mode).collect(Collectors.toSet()))
        .containsAll(IntStream.rangeClosed(1, 10).boxed().toList());
    assertThat(Examples.ALL.stream().mapToInt(Example::mode).toArray()).isSorted();
    assertThat(Examples.ALL.stream().map(Example::name).distinct().count())
        .isEqualTo(Examples.ALL.size());
    CliRun r = CliRun.run("example");
    assertThat(r.code()).isZero();
    for (Example e : Examples.ALL) {
      assertThat(r.out()).contains(e.name()).contains(e.summary());
    }
  }

  @Test
  void unknownExampleFailsListingTheKnownOnes() {
    CliRun r = CliRun.run("example", "no-such-thing");
    assertThat(r.code()).isEqualTo(Cml4jCli.USAGE);
    assertThat(r.err()).contains("unknown example 'no-such-thing'").contains("gap-fill")
        .contains("hybrid");
  }
}
