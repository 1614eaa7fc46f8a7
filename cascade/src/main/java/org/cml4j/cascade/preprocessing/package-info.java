/**
 * Mode 1 of Shen et al. (2023), preprocessing and initialisation: learned gap filling with spike
 * and outlier flags ({@code cascade.gap-fill}), the amortised learned initialiser with harmonic
 * series features and the huang2025 learned-start comparison ({@code cascade.learned-init}), and
 * emulators pretrained on simulations, fine-tuned on observations ({@code cascade.transfer}).
 */
package org.cml4j.cascade.preprocessing;
