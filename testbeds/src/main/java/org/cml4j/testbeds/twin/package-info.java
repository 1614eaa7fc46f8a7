/**
 * Seeded synthetic twins with structural errors, all built by one builder, {@link
 * org.cml4j.testbeds.twin.Twin}: weather spec, a truth ({@link org.cml4j.testbeds.twin.TwinTruth}:
 * {@link org.cml4j.testbeds.twin.CoupledWaterTruth}, {@link
 * org.cml4j.testbeds.twin.RichColumnTruth} or {@link org.cml4j.testbeds.twin.SimpleColumnTruth}),
 * sensors ({@link org.cml4j.testbeds.twin.ObservationModel}) and a task protocol. Presets: the
 * benchmark catalogue's structural twin ({@link org.cml4j.testbeds.twin.StructuralTwin}, truth
 * {@link org.cml4j.testbeds.twin.StructuralTwinModel}: layered, moisture-dependent soil with a
 * varying Bowen ratio), the cascade twins ({@link org.cml4j.testbeds.twin.CascadeTwin}) used by
 * the cascade examples and tests, and the embedding twins ({@link
 * org.cml4j.testbeds.twin.TwinScenario}, truth {@code org.cml4j.lsm.rich.RichColumnModel} driven
 * by {@link org.cml4j.testbeds.twin.TwinDrivers}) used by the embedding examples and tests. All
 * take their weather from {@link org.cml4j.testbeds.weather.SyntheticWeather}; the structural and
 * embedding truths take their heat step from the one rich column step, {@code
 * org.cml4j.lsm.rich.RichColumnStep} (the structural twin's with properties and exchange
 * coefficient from its coupled bucket water, the embedding twin's from prescribed series).
 */
package org.cml4j.testbeds.twin;
