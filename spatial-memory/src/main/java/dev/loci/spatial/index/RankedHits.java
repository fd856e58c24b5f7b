package dev.loci.spatial.index;

import java.util.Arrays;

/**
 * Ids found by a query with their squared distances, in two parallel primitive arrays, and their order nearest
 * first (equal distances by id). A radius query returns tens to hundreds of hits; sorting boxed indices with a
 * comparator cost more than finding them.
 */
final class RankedHits {
    /** Below this many elements insertion sort beats partitioning. */
    private static final int INSERTION_SORT_MAX = 24;

    private long[] ids = new long[32];
    private double[] distances2 = new double[32];
    private int count;

    void add(long id, double distance2) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
            distances2 = Arrays.copyOf(distances2, count * 2);
        }
        ids[count] = id;
        distances2[count] = distance2;
        count++;
    }

    /** The ids in the order they were found. */
    long[] ids() {
        return Arrays.copyOf(ids, count);
    }

    /** The ids nearest first; equal distances in ascending id order. */
    long[] idsNearestFirst() {
        sort(0, count - 1);
        return ids();
    }

    /** Quicksort on both arrays at once (median of three), finishing short runs by insertion. */
    private void sort(int lo, int hi) {
        while (hi - lo >= INSERTION_SORT_MAX) {
            int mid = (lo + hi) >>> 1;
            if (before(mid, lo)) {
                swap(mid, lo);
            }
            if (before(hi, lo)) {
                swap(hi, lo);
            }
            if (before(hi, mid)) {
                swap(hi, mid);
            }
            double pivotDistance = distances2[mid];
            long pivotId = ids[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (before(i, pivotDistance, pivotId)) {
                    i++;
                }
                while (after(j, pivotDistance, pivotId)) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if (j - lo < hi - i) {
                sort(lo, j);
                lo = i;
            } else {
                sort(i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double d = distances2[i];
            long id = ids[i];
            int j = i - 1;
            while (j >= lo && after(j, d, id)) {
                distances2[j + 1] = distances2[j];
                ids[j + 1] = ids[j];
                j--;
            }
            distances2[j + 1] = d;
            ids[j + 1] = id;
        }
    }

    private boolean before(int a, int b) {
        return before(a, distances2[b], ids[b]);
    }

    private boolean before(int a, double distance2, long id) {
        return distances2[a] < distance2 || (distances2[a] == distance2 && ids[a] < id);
    }

    private boolean after(int a, double distance2, long id) {
        return distances2[a] > distance2 || (distances2[a] == distance2 && ids[a] > id);
    }

    private void swap(int a, int b) {
        double d = distances2[a];
        distances2[a] = distances2[b];
        distances2[b] = d;
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }
}
