/**
 * Runnable examples, one or more per cascade mode, each asserted by a test.
 */
package org.cml4j.examples.cascade;
