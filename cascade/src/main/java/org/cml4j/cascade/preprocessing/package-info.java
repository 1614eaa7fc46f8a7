/**
 * Mode 1 learned initialisation: harmonic series features, the amortised initialiser and its
 * coupling, and the huang2025 learned-start comparison.
 */
package org.cml4j.cascade.preprocessing;
