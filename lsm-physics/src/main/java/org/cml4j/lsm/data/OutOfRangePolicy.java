package org.cml4j.lsm.data;

/**
 * What a reader does with a value outside its {@link PhysicalRanges physical range} (after the
 * small-negative clipping of SWdown, SWup and Wind).
 *
 * <p>Forcing (SWdown, LWdown, Tair, ...) and temperatures (SurfTemp, SoilTemp_*, and LWup which
 * encodes the surface temperature) are always checked with {@link #FAIL}: a wrong forcing value
 * would silently corrupt a simulation. Only the evaluation fluxes Qh, Qle, Qg and Rnet may use
 * {@link #SET_MISSING}, which replaces the value by NaN and counts it as a rejected outlier in the
 * {@link DataQualityReport}.
 */
public enum OutOfRangePolicy {
    /** Throw a {@link SiteDataException} naming file, record, variable, value and allowed range. */
    FAIL,
    /** Replace the value by NaN and count it as a rejected outlier (fluxes Qh, Qle, Qg, Rnet only). */
    SET_MISSING
}
