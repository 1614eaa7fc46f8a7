package org.cml4j.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void everyItemRunsOnceWhateverTheThreadCount() {
    for (int threads : new int[] {1, 2, 3}) {
      double[] out = new double[50];
      Parallel.forEach(out.length, threads, "squares", i -> out[i] += i * i);
      for (int i = 0; i < out.length; i++) {
        assertThat(out[i]).as("threads " + threads + ", item " + i).isEqualTo(i * i);
      }
    }
  }

  @Test
  void anItemsRuntimeExceptionIsRethrownAsItIs() {
    // repeated: which worker throws (and so how many cross-thread copies wrap the exception)
    // varies from run to run; one run failed with a doubly wrapped copy before the unwrap loop
    for (int run = 0; run < 200; run++) {
      assertThatThrownBy(() -> Parallel.forEach(4, 2, "items", i -> {
        if (i == 3) {
          throw new IllegalArgumentException("item 3 is bad");
        }
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 3 is bad");
    }
  }
}
