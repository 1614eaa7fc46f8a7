/**
 * Seeded synthetic weather: the one generator ({@link org.cml4j.testbeds.weather.SyntheticWeather})
 * with its climate presets ({@link org.cml4j.testbeds.weather.Climate}), used by the structural
 * twin, the cascade twins and the synthetic region.
 */
package org.cml4j.testbeds.weather;
