/**
 * Regional parameter mapping: the soil/surface parameters of the land-surface model of Huang,
 * Heaney &amp; van Reeuwijk (2025, arXiv 2505.02979) fitted column by column over a region, with
 * standard errors and identifiability flags per column.
 *
 * <p>{@link org.cml4j.lsm.regional.RegionalInput} reads the columns (gridded netCDF-4 or a directory
 * of site CSVs), {@link org.cml4j.lsm.regional.ColumnFitter} fits one column with the code path of
 * {@code ./cml4j estimate --site}, a {@link org.cml4j.lsm.regional.ColumnRunner} runs the fitter in
 * parallel ({@link org.cml4j.lsm.regional.ExecutorColumnRunner} here, a Spark runner in module
 * {@code cml4j-spark}), and {@link org.cml4j.lsm.regional.RegionalMapping} writes resumable part
 * files and the merged {@code map.csv} / {@code map.nc}. {@code SyntheticRegion} (module
 * {@code cml4j-testbeds}) generates a test region with known truth. Formats:
 * {@code docs/REGIONAL_FORMAT.md}.
 */
package org.cml4j.lsm.regional;
