package dev.loci.bench.peers;

import java.util.Arrays;

/** A growing sample of durations in nanoseconds, with nearest-rank percentiles. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;
    private boolean sorted;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    int size() {
        return size;
    }

    long percentile(double percent) {
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(percent / 100 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return percentile(100);
    }
}
