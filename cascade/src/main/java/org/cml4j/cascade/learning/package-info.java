/**
 * Shared pieces of the cascade couplings: physics calibration, feature building, learner
 * training, target bookkeeping.
 */
package org.cml4j.cascade.learning;
