package dev.loci.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations, for the summaries benchmarks print beside JMH's. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    long at(double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
