/** Mode 10 of Shen et al. (2023), hybrid: pipelines of physics, learned and assimilation stages. */
package org.cml4j.fuse.hybrid;
