/**
 * A synthetic region for testing and benchmarking parameter maps
 * ({@link org.cml4j.testbeds.region.SyntheticRegion}; {@code ./cml4j map --synthetic N}).
 */
package org.cml4j.testbeds.region;
