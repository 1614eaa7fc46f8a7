/**
 * Mode 1 transfer learning: emulators pretrained on simulations, fine-tuned on observations.
 */
package org.cml4j.cascade.transfer;
