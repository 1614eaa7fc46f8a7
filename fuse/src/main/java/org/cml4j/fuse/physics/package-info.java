/** Physics heads and differentiable simulation used by the fusion couplings. */
package org.cml4j.fuse.physics;
