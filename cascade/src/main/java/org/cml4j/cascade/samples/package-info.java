/**
 * Physics-generated training samples: parameter designs (Latin hypercube, Sobol) in a
 * sampling space, run through any mechanism model; reusable by every paradigm.
 */
package org.cml4j.cascade.samples;
