/**
 * Real-site coupling tasks read from {@code shared/data}: the catalogue's Bondville 1998 and West
 * Phoenix 2012 tasks ({@link org.cml4j.testbeds.sites.RealSiteTasks}) and the cascade site tasks
 * ({@link org.cml4j.testbeds.sites.SiteTasks}).
 */
package org.cml4j.testbeds.sites;
