/**
 * A richer, forward-only soil column: layered, moisture-dependent soil properties
 * ({@link org.cml4j.lsm.rich.SoilProperties}, {@link org.cml4j.lsm.rich.LayeredSoil}: Johansen
 * 1975 conductivity, de Vries 1963 heat capacity) driven by a prescribed water content
 * ({@link org.cml4j.lsm.rich.MoistureField}), the surface energy balance of Huang, Heaney &amp; van
 * Reeuwijk (2025) with a time-varying exchange coefficient ({@link org.cml4j.lsm.rich.SurfaceSpec}),
 * on any number of nodes and sub-steps ({@link org.cml4j.lsm.rich.RichColumnModel},
 * {@link org.cml4j.lsm.rich.RichTrajectory}). Its heat step, {@link
 * org.cml4j.lsm.rich.RichColumnStep}, is also the heat step of the benchmark's structural-twin
 * truth ({@code org.cml4j.testbeds.twin.StructuralTwinModel}). The truth of the embedding twins
 * and the high-resolution reference of the embedding couplings.
 */
package org.cml4j.lsm.rich;
