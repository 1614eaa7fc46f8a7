/**
 * Mode 6 of Shen et al. (2023), model solving: parameter inversion through the adjoint gradient,
 * through a learned forward surrogate, amortised by a learned inverse, and a parameter network
 * trained through the adjoint.
 */
package org.cml4j.embed.solving;
