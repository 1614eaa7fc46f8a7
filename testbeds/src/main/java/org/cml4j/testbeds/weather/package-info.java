/**
 * Seeded synthetic weather: the catalogue's generator with climate presets
 * ({@link org.cml4j.testbeds.weather.SyntheticWeather}, {@link
 * org.cml4j.testbeds.weather.Climate}) and the cascade twins' forcing
 * ({@link org.cml4j.testbeds.weather.SyntheticForcing}).
 */
package org.cml4j.testbeds.weather;
