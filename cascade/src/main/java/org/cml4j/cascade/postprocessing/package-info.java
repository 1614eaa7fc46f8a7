/**
 * Mode 3 post-processing: learned error correction, temporal downscaling, gated ensembles.
 */
package org.cml4j.cascade.postprocessing;
