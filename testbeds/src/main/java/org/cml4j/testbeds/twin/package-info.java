/**
 * Seeded synthetic twins with structural errors: the benchmark catalogue's structural twin
 * ({@link org.cml4j.testbeds.twin.StructuralTwin}, truth {@link
 * org.cml4j.testbeds.twin.StructuralTwinModel}: layered, moisture-dependent soil with a varying
 * Bowen ratio) and the cascade twins ({@link org.cml4j.testbeds.twin.CascadeTwin}) used by the
 * cascade examples and tests. The embedding twins stay in {@code org.cml4j.embed.twin}: their
 * truth model ({@code org.cml4j.embed.physics.RichColumnModel}) is used by embedding couplings at
 * run time.
 */
package org.cml4j.testbeds.twin;
