package org.cml4j.lsm.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** Implementation of {@link SiteData#resample(int, ResampleMethod)}. */
final class Resampler {

    private Resampler() {
    }

    static SiteData resample(SiteData data, int newStep, ResampleMethod method) {
        long oldStep = data.stepSeconds();
        if (newStep <= 0 || newStep % oldStep != 0) {
            throw SiteDataException.forFile(data.source(), null, "cannot resample from " + oldStep
                    + " s to " + newStep + " s: the new step must be a positive multiple of the old one");
        }
        int ratio = (int) (newStep / oldStep);
        long[] times = data.times();
        int first = firstAligned(times, newStep, method == ResampleMethod.MEAN ? ratio - 1 : 0);
        if (first < 0) {
            throw SiteDataException.forFile(data.source(), null, "no record at a multiple of " + newStep
                    + " s since 1970-01-01T00:00Z" + (method == ResampleMethod.MEAN
                    ? " with " + ratio + " records in the interval before it" : "")
                    + "; data span " + data.time(0) + " to " + data.time(times.length - 1));
        }
        int n = (times.length - 1 - first) / ratio + 1;
        int[][] groups = new int[n][];
        long[] newTimes = new long[n];
        for (int k = 0; k < n; k++) {
            int end = first + k * ratio;
            newTimes[k] = times[end];
            if (method == ResampleMethod.SAMPLE) {
                groups[k] = new int[] {end};
            } else {
                groups[k] = new int[ratio];
                for (int j = 0; j < ratio; j++) {
                    groups[k][j] = end - ratio + 1 + j;
                }
            }
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (String name : data.variableNames()) {
            double[] x = data.values(name);
            double[] y = new double[n];
            for (int k = 0; k < n; k++) {
                double sum = 0;
                for (int i : groups[k]) {
                    sum += x[i];
                }
                y[k] = sum / groups[k].length;
            }
            vars.put(name, y);
        }
        return new SiteData(data.source(), newTimes, newStep, vars, data.flags().regroup(groups),
                data.zone());
    }

    /** First record index >= minIndex whose time is a multiple of step, or -1. */
    private static int firstAligned(long[] times, long step, int minIndex) {
        for (int i = minIndex; i < times.length; i++) {
            if (Math.floorMod(times[i], step) == 0) {
                return i;
            }
        }
        return -1;
    }
}
