/**
 * Mode 8 of Shen et al. (2023), objective-function constraint: networks trained with physics loss
 * terms.
 */
package org.cml4j.fuse.objective;
