/** Physics loss terms and their weights for the fusion networks. */
package org.cml4j.fuse.loss;
