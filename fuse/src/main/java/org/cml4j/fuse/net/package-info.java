/** Fusion networks: graph building, training and regressors used by the fusion couplings. */
package org.cml4j.fuse.net;
