/**
 * Mode 4 of Shen et al. (2023), model substitution: learned emulators of the column and of the
 * surface energy balance, and a learned enhancer of a coarse model toward a fine one.
 */
package org.cml4j.embed.substitution;
