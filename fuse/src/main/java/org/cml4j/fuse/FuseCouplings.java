package org.cml4j.fuse;

/**
 * Names shared by the fusion couplings and their plugin, kept out of {@link FusePlugin} so that
 * the couplings never import the plugin class (the plugin imports the couplings, not the reverse).
 */
public final class FuseCouplings {
  /** Plugin name, recorded in the provenance of the fusion couplings. */
  public static final String PLUGIN = "cml4j-fuse";

  private FuseCouplings() {}
}
