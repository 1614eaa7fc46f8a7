package org.cml4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.toy.ToyPlugin;
import org.cml4j.core.toy.ToyTasks;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
  @Test
  void thirdPartyPluginOnTheClassPathIsDiscoveredAndRuns() {
    CouplingRegistry reg = Cml4j.discover().registry();
    assertThat(reg.names()).contains("thirdparty.calibrate");
    RegisteredCoupling e = reg.entry("thirdparty.calibrate");
    assertThat(e.plugin()).isEqualTo("toy-plugin");
    assertThat(e.mode().paradigm().name()).isEqualTo("EMBEDDING");

    CouplingTask task = ToyTasks.twin(7);
    Coupling c = reg.create("thirdparty.calibrate");
    assertThat(c.applicability(task).applicable()).isTrue();
    CouplingSolution s = c.solve(task);
    assertThat(s.parameters().get("rate")).isCloseTo(0.15, org.assertj.core.data.Offset.offset(
        0.005));
    assertThat(s.parameters().get("offset")).isCloseTo(3.0, org.assertj.core.data.Offset.offset(
        0.2));
    assertThat(s.provenance().dataFingerprint()).hasSize(64);
    assertThat(reg.applicableTo(task)).extracting(Coupling::name).contains("thirdparty.calibrate");
  }

  @Test
  void unknownNameListsRegisteredOnes() {
    CouplingRegistry reg = Cml4j.builder().plugin(new ToyPlugin()).build().registry();
    assertThatThrownBy(() -> reg.create("cascade.nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown coupling 'cascade.nope'")
        .hasMessageContaining("registered: thirdparty.calibrate");
  }

  @Test
  void duplicateNamesFailNamingBothPlugins() {
    CouplingPlugin other = CouplingPlugin.of("copycat", new ToyPlugin().couplings(), List.of());
    assertThatThrownBy(() -> Cml4j.builder().plugin(new ToyPlugin()).plugin(other).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'thirdparty.calibrate' is registered twice")
        .hasMessageContaining("toy-plugin").hasMessageContaining("copycat");
  }

  @Test
  void defaultsCanBeOverriddenByTheUser() {
    CouplingDefaults mine = new CouplingDefaults(new OptimizerSettings("lm", 7, 9, 1, 1e-6), 1);
    CouplingRegistry reg = Cml4j.builder().plugin(new ToyPlugin())
        .override(b -> OptionalBinder.newOptionalBinder(b, CouplingDefaults.class).setBinding()
            .toInstance(mine)).build().registry();
    assertThat(reg.defaults()).isEqualTo(mine);
    ToyPlugin.Calibrate c = (ToyPlugin.Calibrate) reg.create("thirdparty.calibrate");
    assertThat(c.defaults()).isEqualTo(mine);
    assertThat(Cml4j.builder().plugin(new ToyPlugin()).build().registry().defaults())
        .isEqualTo(CouplingDefaults.standard());
  }

  @Test
  void modesKnowTheirParadigm() {
    assertThat(CouplingMode.values()).hasSize(10);
    assertThat(CouplingMode.ofNumber(2).paradigm().name()).isEqualTo("CASCADE");
    assertThat(CouplingMode.ofNumber(5).paradigm().name()).isEqualTo("EMBEDDING");
    assertThat(CouplingMode.ofNumber(10).paradigm().name()).isEqualTo("FUSION");
    assertThatThrownBy(() -> CouplingMode.ofNumber(11)).hasMessageContaining("1-10");
  }
}
