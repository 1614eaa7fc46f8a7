package org.cml4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Examples#ALL} is the one list of the examples: every example class is in it, once. */
class ExamplesTest {
  @Test
  void everyExampleClassIsListedOnceWithUniqueNames() throws IOException {
    Path root = Path.of("src", "main", "java", "org", "cml4j", "examples");
    List<String> classes;
    try (Stream<Path> files = Files.walk(root)) {
      classes = files.map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith("Example.java") && p.contains("/"))
          .map(p -> "org.cml4j.examples." + p.substring(0, p.length() - 5).replace('/', '.'))
          .sorted().toList();
    }
    assertThat(classes).hasSize(16);
    assertThat(Examples.ALL.stream().map(Example::mainClass).distinct().sorted().toList())
        .isEqualTo(classes);
    assertThat(Examples.ALL.stream().map(Example::name).distinct()).hasSize(Examples.ALL.size());
    assertThat(Examples.ALL.stream().mapToInt(Example::mode).distinct().sorted().toArray())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(Examples.find("gap-fill")).isPresent();
    assertThat(Examples.find("no-such-example")).isEmpty();
  }
}
