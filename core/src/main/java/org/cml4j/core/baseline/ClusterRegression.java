package org.cml4j.core.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * Piecewise-linear regression over k-means clusters of the predictor space (the "3km27" benchmark
 * of PLUMBER, Best et al. 2015, J. Hydrometeorol. 16, 1425–1442): the rows are clustered with
 * k-means++ (Commons Math {@link KMeansPlusPlusClusterer}, {@link Well19937c} seeded with the task
 * seed, at most {@link #MAX_ITERATIONS} Lloyd iterations, best of {@link #RESTARTS} restarts by
 * within-cluster variance, as scikit-learn's default {@code n_init = 10}), then one
 * {@link LinearFit} per cluster maps the same predictors to the target; a step is predicted by the regression of its nearest
 * centroid. With {@code k = 1} this is a plain linear regression (the "1lin" and "2lin"
 * benchmarks).
 *
 * <p>Rules for small data, all deterministic: the number of clusters is {@code min(k, number of
 * distinct rows)}; a cluster with fewer than {@code 2 (p + 1)} rows of a target (p predictors)
 * does not get its own regression and uses the regression over all rows on the same predictors
 * instead (so 3km27 degrades towards a 3-predictor linear regression on short records). Ties in
 * the nearest-centroid search go to the lower cluster index. Predictor rows are expected
 * standardised (z-scores) so that W m-2 and K weigh alike in the distance.
 */
public final class ClusterRegression {
  /** Lloyd iteration cap of k-means (a count, never a time). */
  public static final int MAX_ITERATIONS = 1000;
  /** k-means++ restarts; the partition with the least within-cluster variance is kept. */
  public static final int RESTARTS = 10;

  private final double[][] centroids;

  private ClusterRegression(double[][] centroids) {
    this.centroids = centroids;
  }

  /**
   * Clusters the rows (no NaN) into at most {@code k} clusters.
   *
   * @throws IllegalArgumentException if there is no row or {@code k < 1}
   */
  public static ClusterRegression cluster(double[][] rows, int k, long seed) {
    if (rows.length == 0 || k < 1) {
      throw new IllegalArgumentException("k-means: " + rows.length + " rows, k = " + k
          + " (need at least one row and k >= 1)");
    }
    Set<List<Double>> distinct = new LinkedHashSet<>();
    for (double[] r : rows) {
      distinct.add(Arrays.stream(r).boxed().toList());
    }
    int kk = Math.min(k, distinct.size());
    if (kk == 1) {
      double[] c = new double[rows[0].length];
      for (double[] r : rows) {
        for (int j = 0; j < c.length; j++) {
          c[j] += r[j] / rows.length;
        }
      }
      return new ClusterRegression(new double[][] {c});
    }
    List<DoublePoint> pts = new ArrayList<>(rows.length);
    for (double[] r : rows) {
      pts.add(new DoublePoint(r));
    }
    KMeansPlusPlusClusterer<DoublePoint> km = new KMeansPlusPlusClusterer<>(kk, MAX_ITERATIONS,
        new EuclideanDistance(), new Well19937c(seed),
        KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
    List<CentroidCluster<DoublePoint>> cs = new MultiKMeansPlusPlusClusterer<>(km, RESTARTS)
        .cluster(pts);
    double[][] c = new double[cs.size()][];
    for (int i = 0; i < c.length; i++) {
      c[i] = cs.get(i).getCenter().getPoint().clone();
    }
    return new ClusterRegression(c);
  }

  /** Number of clusters. */
  public int clusters() {
    return centroids.length;
  }

  /** Centroid of cluster {@code i} (a copy). */
  public double[] centroid(int i) {
    return centroids[i].clone();
  }

  /** Index of the nearest centroid (lowest index on ties). */
  public int assign(double[] row) {
    int best = 0;
    double bd = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double d = 0;
      for (int j = 0; j < row.length; j++) {
        double e = row[j] - centroids[c][j];
        d += e * e;
      }
      if (d < bd) {
        bd = d;
        best = c;
      }
    }
    return best;
  }

  /** Fits the per-cluster regressions of one target on complete rows {@code x[i] -> y[i]}. */
  public Fitted fit(double[][] x, double[] y) {
    LinearFit global = LinearFit.fit(x, y);
    int k = centroids.length;
    LinearFit[] own = new LinearFit[k];
    if (k == 1) {
      own[0] = global;
      return new Fitted(this, global, own, 1);
    }
    int p = x.length == 0 ? 0 : x[0].length;
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < x.length; i++) {
      members.get(assign(x[i])).add(i);
    }
    int fitted = 0;
    for (int c = 0; c < k; c++) {
      List<Integer> m = members.get(c);
      if (m.size() < 2 * (p + 1)) {
        own[c] = global;
        continue;
      }
      double[][] xc = new double[m.size()][];
      double[] yc = new double[m.size()];
      for (int i = 0; i < m.size(); i++) {
        xc[i] = x[m.get(i)];
        yc[i] = y[m.get(i)];
      }
      own[c] = LinearFit.fit(xc, yc);
      fitted++;
    }
    return new Fitted(this, global, own, fitted);
  }

  /**
   * The regressions of one target.
   *
   * @param clustering the clustering they belong to
   * @param global the regression over all rows (fallback of small clusters)
   * @param perCluster the regression used in each cluster
   * @param ownFits number of clusters with their own regression
   */
  public record Fitted(ClusterRegression clustering, LinearFit global, LinearFit[] perCluster,
      int ownFits) {
    /** The prediction for one (standardised, complete) row of predictors. */
    public double predict(double[] row) {
      return perCluster[clustering.assign(row)].predict(row);
    }
  }
}
