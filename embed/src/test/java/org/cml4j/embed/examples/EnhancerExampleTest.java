package org.cml4j.embed.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnhancerExampleTest {
  @Test
  void coarseWorseThanEnhancedWorseThanHighResolution() {
    EnhancerExample.Result r = EnhancerExample.run(8);
    assertThat(ExampleSupport.mean(r.enhanced())).isLessThan(0.8 * ExampleSupport.mean(
        r.coarse()));
    r.coarse().forEach((v, c) -> {
      assertThat(r.enhanced().get(v)).as(v).isLessThan(c);
      assertThat(r.highResolution().get(v)).as(v).isLessThanOrEqualTo(r.enhanced().get(v));
    });
  }
}
