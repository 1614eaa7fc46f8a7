/**
 * Machine-learning components for physics coupling: {@link org.cml4j.core.learn.Learner} (fit,
 * fine-tune, predict, exact vector-Jacobian products) over DL4J MLP and LSTM networks, created by
 * {@link org.cml4j.core.learn.Learners#create} from a {@link org.cml4j.core.learn.LearnerSpec}.
 */
package org.cml4j.core.learn;
