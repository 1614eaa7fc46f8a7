/**
 * Small learners shared by the embedding couplings (a fast multilayer perceptron, PCA, ridge
 * regression) and the seeded forcing scenarios that widen their training sets.
 */
package org.cml4j.embed.learning;
