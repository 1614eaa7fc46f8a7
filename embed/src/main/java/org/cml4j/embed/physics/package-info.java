/**
 * Column physics scaffolds of the embedding couplings: the calibrated simple column as a time
 * loop whose step can be replaced ({@link org.cml4j.embed.physics.CalibratedColumn}) and the simple
 * model's outputs on coarse profiles ({@link org.cml4j.embed.physics.ProfileOutputs}). The rich
 * layered, moisture-dependent column they are compared with lives in lsm-physics,
 * {@code org.cml4j.lsm.rich}.
 */
package org.cml4j.embed.physics;
