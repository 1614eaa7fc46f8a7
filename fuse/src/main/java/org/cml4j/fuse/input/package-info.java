/**
 * Mode 7 of Shen et al. (2023), input-variable constraint: physics-derived inputs for the learner.
 */
package org.cml4j.fuse.input;
