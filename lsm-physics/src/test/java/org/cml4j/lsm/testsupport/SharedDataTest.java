package org.cml4j.lsm.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Missing real data skips a test on a developer machine and fails it under CI. */
class SharedDataTest {
  @Test
  void missingDataFailsUnderCiAndSkipsOtherwise() {
    String saved = System.getProperty("CI");
    try {
      System.setProperty("CI", "true");
      assertThatThrownBy(() -> SharedData.require(false, "../shared/data not found"))
          .isInstanceOf(AssertionError.class).hasMessageContaining("CI is set")
          .hasMessageContaining("../shared/data not found");
      System.setProperty("CI", "false");
      assertThatThrownBy(() -> SharedData.require(false, "../shared/data not found"))
          .isInstanceOf(TestAbortedException.class).hasMessageContaining("skipped");
      SharedData.require(true, "present: no effect");
    } finally {
      if (saved == null) {
        System.clearProperty("CI");
      } else {
        System.setProperty("CI", saved);
      }
    }
  }
}
