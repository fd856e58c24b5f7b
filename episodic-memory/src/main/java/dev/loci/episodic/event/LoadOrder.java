package dev.loci.episodic.event;

import java.util.Arrays;

/**
 * Stable orderings by a long key on primitive arrays, for building the event indexes when a log opens: sorting
 * index entries with a comparator that reads each entry's key array was most of that work.
 */
final class LoadOrder {
    private LoadOrder() {
    }

    /** 0, 1, ..., count - 1. */
    static int[] identity(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * The positions of {@code sequence} reordered by {@code keys[position]} ascending (signed, as
     * {@link EventKeys#ORDER} compares), positions with equal keys keeping their order in {@code sequence}.
     */
    static int[] stableByKey(long[] keys, int[] sequence) {
        int n = sequence.length;
        long[] distinct = new long[n];
        for (int k = 0; k < n; k++) {
            distinct[k] = keys[sequence[k]];
        }
        Arrays.sort(distinct);
        int unique = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || distinct[k] != distinct[k - 1]) {
                distinct[unique++] = distinct[k];
            }
        }
        int[] bucket = new int[n];
        int[] starts = new int[unique + 1];
        for (int k = 0; k < n; k++) {
            bucket[k] = Arrays.binarySearch(distinct, 0, unique, keys[sequence[k]]);
            starts[bucket[k] + 1]++;
        }
        for (int b = 0; b < unique; b++) {
            starts[b + 1] += starts[b];
        }
        int[] ordered = new int[n];
        for (int k = 0; k < n; k++) {
            ordered[starts[bucket[k]]++] = sequence[k];
        }
        return ordered;
    }
}
