package org.cml4j.core.spi;

/**
 * The identity of a coupling, written once: each coupling class declares it (by convention as
 * {@code public static final CouplingInfo INFO}), its {@link CouplingFactory} is built from it
 * ({@link CouplingFactory#of(CouplingInfo, java.util.function.Function)}) and
 * {@link AbstractCoupling} takes it in its constructor, so the name, mode and description listed
 * by {@code ./cml4j list} are those the coupling reports and records in its provenance.
 *
 * @param plugin plugin name recorded in the provenance, e.g. {@code "cml4j-cascade"}
 * @param name unique registry name, {@code <owner>.<what>}
 * @param mode coupling mode (Shen et al. 2023)
 * @param description one-line description
 */
public record CouplingInfo(String plugin, String name, CouplingMode mode, String description) {
  public CouplingInfo {
    if (name == null || name.isBlank() || mode == null) {
      throw new IllegalArgumentException("a coupling needs a name and a mode; got " + name + ", "
          + mode + " (plugin " + plugin + ")");
    }
  }

  /**
   * The identity of a coupling of one paradigm: a paradigm's base class (e.g. the cascade
   * plugin's) builds its couplings' identities with its plugin name, so each coupling writes only
   * its registry name, mode and description, and a mode of another paradigm is refused.
   *
   * @throws IllegalArgumentException if {@code mode} is not one of {@code paradigm}'s modes
   */
  public static CouplingInfo of(String plugin, Paradigm paradigm, String name, CouplingMode mode,
      String description) {
    if (mode != null && mode.paradigm() != paradigm) {
      throw new IllegalArgumentException(name + ": mode " + mode + " belongs to the "
          + mode.paradigm() + " paradigm, not to " + paradigm + " (plugin " + plugin + ")");
    }
    return new CouplingInfo(plugin, name, mode, description);
  }

  /** The same identity under another name, mode and description (variants of one class). */
  public CouplingInfo variant(String otherName, CouplingMode otherMode, String otherDescription) {
    return new CouplingInfo(plugin, otherName, otherMode, otherDescription);
  }
}
