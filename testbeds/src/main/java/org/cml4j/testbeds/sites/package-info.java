/**
 * Real-site coupling tasks (West Phoenix 2012, Bondville 1998) read from shared/data.
 */
package org.cml4j.testbeds.sites;
