/**
 * Column physics used by the embedding couplings: the calibrated column, its stepper, the layered
 * soil and moisture field of the rich truth model, and profile outputs.
 */
package org.cml4j.embed.physics;
