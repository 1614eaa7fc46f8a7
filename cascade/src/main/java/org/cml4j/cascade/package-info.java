/**
 * The cascade paradigm (Shen et al. 2023, modes 1-3): one model feeds the other. See
 * {@code docs/modes/cascade.md}; the couplings are registered by
 * {@link org.cml4j.cascade.CascadePlugin}.
 */
package org.cml4j.cascade;
