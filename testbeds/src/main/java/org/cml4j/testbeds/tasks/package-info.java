/**
 * The benchmark task catalog of {@code ./cml4j bench} (issue 6): seeded, versioned
 * {@link org.cml4j.core.spi.CouplingTask}s with their scoring truth, documented in
 * {@code docs/BENCHMARKS.md}. Entry point {@link org.cml4j.testbeds.tasks.TaskCatalog}; families:
 * the structural twin (a layered, moisture-dependent truth model with a varying Bowen ratio,
 * {@link org.cml4j.testbeds.twin.StructuralTwinModel}, driven by
 * {@link org.cml4j.testbeds.weather.SyntheticWeather}), its extrapolation and sample-efficiency
 * variants, parameter recovery on the Huang, Heaney &amp; van Reeuwijk (2025) experiments, and
 * the Bondville 1998 and West Phoenix 2012 sites ({@code org.cml4j.testbeds.sites}).
 */
package org.cml4j.testbeds.tasks;
