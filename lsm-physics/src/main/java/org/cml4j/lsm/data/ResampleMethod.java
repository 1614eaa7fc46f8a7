package org.cml4j.lsm.data;

/** How {@link SiteData#resample(int, ResampleMethod)} builds the value at a new time level t. */
public enum ResampleMethod {
    /**
     * Take the record at time t itself. The models treat forcing values as instantaneous states at
     * time levels, so this is the default for driving a model.
     */
    SAMPLE,
    /**
     * Mean of the records in the interval (t - step, t] (label = interval end, as for half-hour
     * ending flux averages). The result is NaN if any record in the interval is missing.
     */
    MEAN
}
