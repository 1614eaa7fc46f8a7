/** Task data and feature specifications of the fusion couplings. */
package org.cml4j.fuse.data;
