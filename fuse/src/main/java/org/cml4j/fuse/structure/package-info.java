/**
 * Mode 9 of Shen et al. (2023), model-structure constraint: a differentiable physics layer inside
 * the network.
 */
package org.cml4j.fuse.structure;
