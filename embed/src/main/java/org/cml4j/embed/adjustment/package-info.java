/**
 * Mode 5 of Shen et al. (2023), model adjustment: the ensemble Kalman filter over the column
 * state and parameters ({@code embed.enkf}), a learned emulator of its analysis step and a learned
 * model-error correction of the forecast.
 */
package org.cml4j.embed.adjustment;
