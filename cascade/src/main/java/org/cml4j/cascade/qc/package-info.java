/**
 * Mode 1 preprocessing: learned gap filling, spike and outlier flags, and the gap-fill coupling.
 */
package org.cml4j.cascade.qc;
