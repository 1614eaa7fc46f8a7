package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed writes name the target, keep the old content and leave no temporary file. */
class AtomicWriteTest {
  @Test
  void aFullDiskNamesTheTargetAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("map.csv");
    AtomicWrite.writeString(f, "old");
    assertThatThrownBy(() -> AtomicWrite.writeStream(f, out -> {
      out.write("half".getBytes());
      throw new IOException("No space left on device");
    })).isInstanceOf(IOException.class).hasMessageContaining(f.toString())
        .hasMessageContaining("No space left on device");
    assertThat(f).hasContent("old");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("map.csv");
    }
  }

  @Test
  void aLibraryErrorWithoutAPathIsGivenTheTarget(@TempDir Path dir) {
    Path f = dir.resolve("map.nc");
    assertThatThrownBy(() -> AtomicWrite.write(f, tmp -> {
      Files.writeString(tmp, "partial");
      throw new RuntimeException("Exception writing");
    })).isInstanceOf(IOException.class).hasMessageContaining("cannot write " + f)
        .hasMessageContaining("Exception writing");
    assertThat(f).doesNotExist();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aFileInPlaceOfTheFolderIsNamed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("out"), "x");
    assertThatThrownBy(() -> AtomicWrite.writeString(dir.resolve("out/map.csv"), "y"))
        .isInstanceOf(NotDirectoryException.class).hasMessageContaining(dir.resolve("out")
            .toString());
  }
}
