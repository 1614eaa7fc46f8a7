/**
 * Observation and forcing data for the land-surface models: readers, validation and quality reports.
 *
 * <p>All readers return an immutable {@link org.cml4j.lsm.data.SiteData}: UTC times on a regular step and
 * variables in ALMA names and SI units (temperatures in K, radiation and heat fluxes in W m-2, soil
 * temperatures as {@code SoilTemp_<depth in m>}), missing values as NaN. Readers:
 * <ul>
 *   <li>{@link org.cml4j.lsm.data.AlmaNetcdfReader}: ALMA netCDF-4 (Urban-PLUMBER, PLUMBER2), via jHDF;</li>
 *   <li>{@link org.cml4j.lsm.data.NoahBondvilleReader}: the Noah LSM Bondville 1998 text file;</li>
 *   <li>{@link org.cml4j.lsm.data.SiteCsvReader}: the generic site CSV format (specified there), written by
 *       {@link org.cml4j.lsm.data.SiteCsvWriter};</li>
 *   <li>{@link org.cml4j.lsm.data.SiteDataReaders}: picks one by file extension.</li>
 * </ul>
 *
 * <p>Every reader applies the {@link org.cml4j.lsm.data.PhysicalRanges} table; any problem (missing column,
 * unparseable number, value out of range, duplicated or non-monotonic time, gap longer than allowed) is a
 * {@link org.cml4j.lsm.data.SiteDataException} whose message names the file, the line or record, the
 * variable and the allowed range. Clipped values and rejected flux outliers are counted in the
 * {@link org.cml4j.lsm.data.DataQualityReport}. {@link org.cml4j.lsm.data.InitialProfile} turns observed
 * soil temperatures into an initial model profile.
 */
package org.cml4j.lsm.data;
