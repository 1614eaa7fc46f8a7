package org.cml4j.core.spi;

import java.util.Map;

/**
 * A vector-Jacobian product of a model run: the gradient of {@code sum_t sum_k seed[t][k] *
 * output_k(t)} with respect to the constant parameters, the per-step (time-varying) parameters and
 * the forcing variables.
 */
public record ParameterGradient(Map<String, Double> constant, Map<String, double[]> timeVarying,
    Map<String, double[]> forcing) {}
