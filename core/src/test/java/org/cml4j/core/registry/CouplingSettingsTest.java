package org.cml4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.core.spi.InvalidSettingException;
import org.cml4j.core.spi.NoSettings;
import org.cml4j.core.spi.SettingsChecks;
import org.cml4j.core.toy.ToyPlugin;
import org.junit.jupiter.api.Test;

/** Typed per-coupling settings: declared by the factory, overridden through Guice, validated. */
class CouplingSettingsTest {
  /** A settings record as a plugin declares it. */
  record Steps(int steps, double rate) {
    Steps {
      SettingsChecks.range("steps", steps, 1, 1000);
      SettingsChecks.openLow("rate", rate, 0, 1);
    }
  }

  static final CouplingInfo INFO = new CouplingInfo("settings-plugin", "test.steps",
      CouplingMode.MODEL_SOLVING, "records its settings");

  /** The settings each created coupling received. */
  static final List<Steps> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A plugin whose one coupling records the settings it is created with. */
  static CouplingPlugin plugin() {
    return CouplingPlugin.of("settings-plugin", List.of(CouplingFactory.of(INFO,
        new Steps(10, 0.1), (d, s) -> {
          SEEN.add(s);
          return new ToyPlugin().couplings().get(0).create(d);
        })), List.of());
  }

  @Test
  void factoryDeclaresTypeAndDefaultsAndTheRegistryPassesThem() {
    CouplingFactory f = plugin().couplings().get(0);
    assertThat(f.settingsType()).isEqualTo(Steps.class);
    assertThat(f.defaultSettings()).isEqualTo(new Steps(10, 0.1));
    assertThat(f.info()).isEqualTo(INFO);
    CouplingRegistry reg = Cml4j.builder().plugin(plugin()).build().registry();
    assertThat(reg.settings("test.steps")).isEqualTo(new Steps(10, 0.1));
    SEEN.clear();
    reg.create("test.steps");
    assertThat(SEEN).containsExactly(new Steps(10, 0.1));
    // couplings without settings declare NoSettings
    assertThat(new ToyPlugin().couplings().get(0).settingsType()).isEqualTo(NoSettings.class);
  }

  @Test
  void guiceOverrideReachesTheFactory() {
    CouplingRegistry reg = Cml4j.builder().plugin(plugin())
        .settings("test.steps", new Steps(50, 0.2)).build().registry();
    assertThat(reg.settings()).containsEntry("test.steps", new Steps(50, 0.2));
    SEEN.clear();
    reg.create("test.steps");
    reg.create("test.steps", new Steps(7, 0.5));
    assertThat(SEEN).containsExactly(new Steps(50, 0.2), new Steps(7, 0.5));
  }

  @Test
  void wrongTypeOrUnknownCouplingIsRefused() {
    assertThatThrownBy(() -> Cml4j.builder().plugin(plugin())
        .settings("test.steps", NoSettings.INSTANCE).build().registry())
        .hasStackTraceContaining("settings override for coupling test.steps is a NoSettings;"
            + " it takes Steps");
    assertThatThrownBy(() -> Cml4j.builder().plugin(plugin())
        .settings("test.nope", new Steps(1, 0.1)).build().registry())
        .hasStackTraceContaining("unknown coupling 'test.nope'");
    CouplingRegistry reg = Cml4j.builder().plugin(plugin()).build().registry();
    assertThatThrownBy(() -> reg.create("test.steps", NoSettings.INSTANCE))
        .hasMessageContaining("coupling test.steps takes settings of type Steps");
  }

  @Test
  void outOfRangeNamesKeyValueAndRangeAndTheFactoryAddsTheCoupling() {
    assertThatThrownBy(() -> new Steps(0, 0.1)).isInstanceOf(InvalidSettingException.class)
        .hasMessage("setting steps = 0 is outside the allowed range [1, 1000]");
    CouplingFactory f = CouplingFactory.of(INFO, new Steps(10, 0.1), (d, s) -> {
      throw new InvalidSettingException(null, "rate", "2.0", "(0, 1]");
    });
    assertThatThrownBy(() -> f.create(org.cml4j.core.spi.CouplingDefaults.standard()))
        .hasMessage("coupling test.steps: setting rate = 2.0 is outside the allowed range"
            + " (0, 1]");
  }
}
