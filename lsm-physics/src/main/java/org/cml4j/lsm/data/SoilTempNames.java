package org.cml4j.lsm.data;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * The {@code SoilTemp_<depth in m>} variable names of a {@link SiteData}: building a name from a
 * depth, reading the depth back, and matching names by numeric depth (so {@code SoilTemp_0.1}
 * finds {@code SoilTemp_0.10}). Errors name the data's source and the offending variable.
 */
final class SoilTempNames {
    private SoilTempNames() {}

    /** The name for a depth in metres, with minimal digits: {@code SoilTemp_0.02}. */
    static String of(double depthMetres) {
        if (!(depthMetres > 0) || Double.isInfinite(depthMetres)) {
            throw new IllegalArgumentException("soil depth must be > 0 m, got " + depthMetres);
        }
        return SiteData.SOIL_TEMP_PREFIX
                + BigDecimal.valueOf(depthMetres).stripTrailingZeros().toPlainString();
    }

    static boolean is(String name) {
        return name != null && name.startsWith(SiteData.SOIL_TEMP_PREFIX);
    }

    /** The depth [m] of a soil temperature name; throws naming {@code source} if it has none. */
    static double depthOf(String source, String name) {
        String d = name.substring(SiteData.SOIL_TEMP_PREFIX.length());
        try {
            double depth = Double.parseDouble(d);
            if (depth > 0 && !Double.isInfinite(depth)) {
                return depth;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw SiteDataException.forFile(source, name,
                "a soil temperature name must be SoilTemp_<depth in metres > 0>, e.g. SoilTemp_0.02");
    }

    /** The name among {@code names} holding the soil temperature at {@code depthMetres}. */
    static Optional<String> find(String source, Collection<String> names, double depthMetres) {
        return names.stream().filter(SoilTempNames::is)
                .filter(n -> Math.abs(depthOf(source, n) - depthMetres) <= 1e-9 * Math.max(1, depthMetres))
                .findFirst();
    }

    /** The stored name of {@code name}: itself, or the soil temperature among {@code names} at its depth. */
    static String resolve(String source, Collection<String> names, String name) {
        if (names.contains(name) || !is(name)) {
            return name;
        }
        try {
            double depth = Double.parseDouble(name.substring(SiteData.SOIL_TEMP_PREFIX.length()));
            return find(source, names, depth).orElse(name);
        } catch (NumberFormatException e) {
            return name;
        }
    }

    /** Depths in metres of all soil temperatures among {@code names}, sorted ascending. */
    static double[] depths(String source, Collection<String> names) {
        return names.stream().filter(SoilTempNames::is).mapToDouble(n -> depthOf(source, n)).sorted()
                .toArray();
    }

    /** Throws if {@code name} is a soil temperature at the depth of one of {@code earlier}. */
    static void requireNewDepth(String source, Collection<String> earlier, String name) {
        if (!is(name)) {
            return;
        }
        double depth = depthOf(source, name);
        for (String other : earlier) {
            if (is(other) && depthOf(source, other) == depth) {
                throw SiteDataException.forFile(source, name, "same soil depth (" + depth
                        + " m) as variable " + other + "; keep one of them");
            }
        }
    }
}
