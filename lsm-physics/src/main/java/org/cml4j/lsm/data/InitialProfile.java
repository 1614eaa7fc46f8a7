package org.cml4j.lsm.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an initial soil temperature profile [K] on a model grid from observations at one time.
 *
 * <p>Anchor points: the surface (0 m) from SurfTemp if present and observed at that time, else the
 * shallowest observed soil temperature; each observed soil temperature at its depth; the bottom
 * temperature Tb at the last node. Node temperatures are linearly interpolated between the anchors
 * (so between the deepest observation and Tb at the bottom too). Observations at or below the bottom
 * node are not used (the bottom is fixed at Tb); missing (NaN) observations are skipped.
 */
public final class InitialProfile {

    private InitialProfile() {
    }

    /** Uses every {@code SoilTemp_<depth>} of the data. */
    public static double[] build(SiteData data, int timeIndex, double bottomTemperature, double[] nodeDepths) {
        return build(data, timeIndex, data.soilDepths(), bottomTemperature, nodeDepths);
    }

    /**
     * @param data              site data with {@code SoilTemp_<depth>} variables [K]
     * @param timeIndex         record index of the initial time
     * @param observedDepths    depths [m] of the soil temperatures to use (each must exist as a variable)
     * @param bottomTemperature Tb [K] at the bottom node
     * @param nodeDepths        model node depths [m], strictly increasing, node 0 at 0 m, last = bottom
     * @return temperatures [K] at the nodes
     * @throws SiteDataException if no soil temperature is observed at that time (above the bottom)
     */
    public static double[] build(SiteData data, int timeIndex, double[] observedDepths, double bottomTemperature,
                                 double[] nodeDepths) {
        checkGrid(nodeDepths);
        if (!(bottomTemperature >= 200 && bottomTemperature <= 360)) {
            throw new IllegalArgumentException("bottom temperature must be 200 to 360 K, got " + bottomTemperature);
        }
        if (timeIndex < 0 || timeIndex >= data.size()) {
            throw new IllegalArgumentException("time index " + timeIndex + " outside 0.." + (data.size() - 1));
        }
        double bottom = nodeDepths[nodeDepths.length - 1];
        List<double[]> anchors = new ArrayList<>();
        double[] sorted = observedDepths.clone();
        Arrays.sort(sorted);
        for (double d : sorted) {
            double t = data.value(SiteData.soilTempName(d), timeIndex);
            if (!Double.isNaN(t) && d < bottom) {
                anchors.add(new double[] {d, t});
            }
        }
        if (anchors.isEmpty()) {
            throw SiteDataException.atRecord(data.source(), timeIndex, data.time(timeIndex), "SoilTemp",
                    "no soil temperature observed above the bottom (" + bottom + " m) at this time; depths tried: "
                            + Arrays.toString(sorted));
        }
        double surface = data.has("SurfTemp") ? data.value("SurfTemp", timeIndex) : Double.NaN;
        if (Double.isNaN(surface)) {
            surface = anchors.get(0)[1];
        }
        anchors.add(0, new double[] {0, surface});
        anchors.add(new double[] {bottom, bottomTemperature});
        double[] profile = new double[nodeDepths.length];
        int k = 0;
        for (int i = 0; i < nodeDepths.length; i++) {
            double z = nodeDepths[i];
            while (k < anchors.size() - 2 && anchors.get(k + 1)[0] < z) {
                k++;
            }
            double[] a = anchors.get(k);
            double[] b = anchors.get(k + 1);
            profile[i] = b[0] == a[0] ? b[1] : a[1] + (b[1] - a[1]) * (z - a[0]) / (b[0] - a[0]);
        }
        profile[profile.length - 1] = bottomTemperature;
        return profile;
    }

    private static void checkGrid(double[] z) {
        if (z.length < 2 || z[0] != 0) {
            throw new IllegalArgumentException("node depths must have at least 2 nodes and start at 0 m");
        }
        for (int i = 1; i < z.length; i++) {
            if (!(z[i] > z[i - 1])) {
                throw new IllegalArgumentException("node depths must be strictly increasing; node " + i + " = "
                        + z[i] + " m after " + z[i - 1] + " m");
            }
        }
    }
}
