/**
 * Bayesian parameter posteriors of the land-surface model: Hamiltonian Monte Carlo
 * ({@link org.cml4j.lsm.posterior.Hmc}) on the discrete adjoint, chains batched as the columns of
 * {@link org.cml4j.lsm.batch.BatchColumnModel} ({@link org.cml4j.lsm.posterior.LsmPosterior}),
 * a Gaussian likelihood with the noise scales marginalised and optional AR(1) residuals
 * ({@link org.cml4j.lsm.posterior.GaussianLikelihood}), priors with their Jacobians
 * ({@link org.cml4j.lsm.posterior.ParameterPrior}), rank-normalised R-hat and bulk ESS
 * ({@link org.cml4j.lsm.posterior.Diagnostics}), the Laplace approximation for comparison
 * ({@link org.cml4j.lsm.posterior.Laplace}) and predictive bands
 * ({@link org.cml4j.lsm.posterior.PosteriorPredictive}). See docs/UNCERTAINTY.md.
 */
package org.cml4j.lsm.posterior;
