/** Fair in-process wall-clock and CPU-time comparisons of two code paths (diagnostics only). */
package org.cml4j.embed.timing;
