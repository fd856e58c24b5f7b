package dev.loci.episodic.segment;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;

/**
 * The weighted graph of a window of consecutive events: edge {@code i-j} weighs
 * {@code max(0, similarity(i, j))}, no self loops. Scores a partition of the window into contiguous segments
 * by Newman's modularity {@code Q = sum_c [ in_c / 2m - (deg_c / 2m)^2 ]}, where {@code in_c} is the weight
 * inside segment c (each edge counted from both ends), {@code deg_c} the summed degree of its events and
 * {@code 2m} the summed degree of all events.
 */
public final class SimilarityGraph {
    private final double[][] weight;
    private final double[] degree;
    private final double twiceTotal;

    public SimilarityGraph(List<EventFeatures> events, RefinementSettings settings) {
        Require.present("events", events);
        Require.present("settings", settings);
        int n = events.size();
        weight = new double[n][n];
        degree = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double w = Math.max(0, events.get(i).similarity(events.get(j), settings));
                weight[i][j] = w;
                weight[j][i] = w;
                degree[i] += w;
                degree[j] += w;
                total += 2 * w;
            }
        }
        twiceTotal = total;
    }

    public int size() {
        return degree.length;
    }

    public double weight(int i, int j) {
        return weight[i][j];
    }

    /**
     * Modularity of the partition whose segments start at {@code starts} (strictly increasing, first 0, all
     * below {@link #size()}); 0 for a graph without edges.
     */
    public double modularity(int[] starts) {
        Require.present("starts", starts);
        int n = size();
        if (starts.length == 0 || starts[0] != 0) {
            throw new InvalidValueException("starts", java.util.Arrays.toString(starts), "must begin with 0");
        }
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] <= starts[i - 1] || starts[i] >= n) {
                throw new InvalidValueException("starts", java.util.Arrays.toString(starts),
                        "must increase strictly and stay below " + n);
            }
        }
        if (twiceTotal == 0) {
            return 0;
        }
        double q = 0;
        for (int c = 0; c < starts.length; c++) {
            int from = starts[c];
            int to = c + 1 < starts.length ? starts[c + 1] : n;
            double inside = 0;
            double deg = 0;
            for (int i = from; i < to; i++) {
                deg += degree[i];
                for (int j = from; j < to; j++) {
                    inside += weight[i][j];
                }
            }
            q += inside / twiceTotal - (deg / twiceTotal) * (deg / twiceTotal);
        }
        return q;
    }
}
