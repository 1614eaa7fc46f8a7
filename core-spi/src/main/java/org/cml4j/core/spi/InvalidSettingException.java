package org.cml4j.core.spi;

/**
 * A coupling setting outside its allowed range. Thrown by the settings records' constructors
 * (through {@link SettingsChecks}) with the key, the value and the allowed range; the factory that
 * creates the coupling adds the coupling's name ({@link #forCoupling(String)}), so the message
 * reads e.g. {@code coupling embed.enkf: setting members = 2 is outside the allowed range
 * [4, 10000]}.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String coupling;
  private final String key;
  private final String value;
  private final String allowed;

  /**
   * @param coupling coupling name, or null when not yet known
   * @param key setting name (record component)
   * @param value the rejected value as text
   * @param allowed the allowed range or values, e.g. {@code [4, 10000]}
   */
  public InvalidSettingException(String coupling, String key, String value, String allowed) {
    super((coupling == null ? "" : "coupling " + coupling + ": ") + "setting " + key + " = "
        + value + " is outside the allowed range " + allowed);
    this.coupling = coupling;
    this.key = key;
    this.value = value;
    this.allowed = allowed;
  }

  /** The same error naming the coupling. */
  public InvalidSettingException forCoupling(String name) {
    return new InvalidSettingException(name, key, value, allowed);
  }

  /** Coupling name (null when thrown by a settings record before the factory knew it). */
  public String coupling() {
    return coupling;
  }

  /** Setting name. */
  public String key() {
    return key;
  }

  /** Rejected value. */
  public String value() {
    return value;
  }

  /** Allowed range or values. */
  public String allowed() {
    return allowed;
  }
}
