/**
 * Data assimilation for the soil column of Huang, Heaney &amp; van Reeuwijk (2025): the one
 * ensemble Kalman filter of cml4j, {@link org.cml4j.lsm.assimilation.ColumnEnsembleFilter}
 * (forecast one step at a time, pluggable {@link org.cml4j.lsm.assimilation.ForecastNoise},
 * optional parameter augmentation, perturbed-observation analysis by
 * {@link org.cml4j.lsm.assimilation.EnsembleAnalysis}), used by the embedding couplings
 * ({@code embed.enkf}, {@code embed.enkf-model-error}, {@code embed.analysis-emulator}) and the
 * fusion hybrid {@code fusion.hybrid-assimilation}.
 */
package org.cml4j.lsm.assimilation;
