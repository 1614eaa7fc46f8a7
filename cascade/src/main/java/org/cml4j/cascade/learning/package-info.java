/**
 * Learning machinery shared by the cascade couplings of every mode: physics calibration and
 * learner training, feature building (forcing, time and lagged features), series helpers and
 * target bookkeeping.
 */
package org.cml4j.cascade.learning;
