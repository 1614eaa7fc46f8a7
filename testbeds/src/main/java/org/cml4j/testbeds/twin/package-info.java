/**
 * Seeded synthetic twins with structural errors for the cascade examples and tests.
 */
package org.cml4j.testbeds.twin;
