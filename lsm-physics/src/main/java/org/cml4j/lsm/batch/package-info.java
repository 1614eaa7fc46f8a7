/**
 * The soil-column model of Huang, Heaney &amp; van Reeuwijk (2025) for many independent columns at
 * once: {@link org.cml4j.lsm.batch.BatchColumnModel} runs forward, forward + tangent, and forward +
 * adjoint (per-column loss and gradient for alpha, lambda, C, hbeta, Tb, eps) on structure-of-arrays
 * chunks ({@code [node][column]}) whose inner loops over columns HotSpot vectorises, on all cores
 * ({@link org.cml4j.lsm.batch.BatchRunner}), with adjoint checkpointing for long horizons
 * ({@link org.cml4j.lsm.batch.Checkpointing}; Griewank &amp; Walther 2008). Results equal the scalar
 * {@code SoilColumnModel}, {@code Tangent} and {@code Adjoint} to round-off.
 */
package org.cml4j.lsm.batch;
