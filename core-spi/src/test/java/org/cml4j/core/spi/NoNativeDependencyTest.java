package org.cml4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Guards the point of cml4j-core-spi: a plugin compiling against it gets no DL4J, ND4J, JavaCPP,
 * OpenBLAS or Guice on its class path (this test's class path is core-spi's compile and runtime
 * class path plus JUnit and AssertJ).
 */
class NoNativeDependencyTest {
  @Test
  void noDeepLearningOrNativeLibraryOnTheClassPath() {
    for (String c : new String[] {"org.nd4j.linalg.factory.Nd4j",
        "org.deeplearning4j.nn.multilayer.MultiLayerNetwork", "org.bytedeco.javacpp.Loader",
        "org.bytedeco.openblas.global.openblas", "com.google.inject.Guice",
        "org.cml4j.core.learn.Learner"}) {
      assertThatThrownBy(() -> Class.forName(c, false, getClass().getClassLoader()))
          .as(c).isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void theSpiItselfLoads() throws ClassNotFoundException {
    assertThat(Class.forName("org.cml4j.core.spi.CouplingPlugin")).isInterface();
    assertThat(Class.forName("org.cml4j.core.vars.Frame")).isNotNull();
  }
}
