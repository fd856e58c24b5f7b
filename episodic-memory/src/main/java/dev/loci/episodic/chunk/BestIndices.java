package dev.loci.episodic.chunk;

import java.util.Arrays;

/**
 * The indexes of the {@code m} best of {@code n} scores (ties go to the higher id), in index order. Chunk
 * selection keeps thousands of tens of thousands of nodes per query (half of the sessions, a few thousand
 * groups and episodes), where a heap of the best paid log m per node: selecting the m-th best score
 * (quickselect on a copy) and one pass over the scores costs linear time.
 */
final class BestIndices {
    private BestIndices() {
    }

    static int[] of(float[] scores, long[] ids, int n, int m) {
        return of(scores, ids, n, m, new float[0]);
    }

    /** As {@link #of(float[], long[], int, int)}, selecting in {@code work} if it holds n scores (else a copy). */
    static int[] of(float[] scores, long[] ids, int n, int m, float[] work) {
        if (m >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        if (m <= 0) {
            return new int[0];
        }
        float[] copy = work.length >= n ? work : new float[n];
        float threshold = threshold(scores, n, m, copy); // the m-th best score
        int[] chosen = new int[m];
        int above = 0;
        int ties = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] > threshold) {
                chosen[above++] = i;
            } else if (scores[i] == threshold) {
                ties++;
            }
        }
        int need = m - above;
        int[] tied = new int[ties];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] == threshold) {
                tied[t++] = i;
            }
        }
        if (need < ties) { // keep the tied nodes with the highest ids: those above the need-th highest, then it
            long[] tiedIds = new long[ties];
            for (int i = 0; i < ties; i++) {
                tiedIds[i] = ids[tied[i]];
            }
            Arrays.sort(tiedIds);
            long cutoff = tiedIds[ties - need];
            int kept = 0;
            for (int i = 0; i < ties && kept < need; i++) {
                if (ids[tied[i]] > cutoff) {
                    chosen[above + kept++] = tied[i];
                }
            }
            for (int i = 0; i < ties && kept < need; i++) {
                if (ids[tied[i]] == cutoff) {
                    chosen[above + kept++] = tied[i];
                }
            }
        } else {
            System.arraycopy(tied, 0, chosen, above, need);
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Scores at or below which selection is a quickselect on a copy of them all. */
    private static final int SMALL = 4096;
    /** Buckets of the histogram pass: the top 12 bits of a score's order-preserving int (sign, exponent, 3 bits). */
    private static final int BUCKET_SHIFT = 20;

    /**
     * The m-th best of {@code scores[0, n)}, found in {@code work}. Above {@link #SMALL} scores, one pass counts
     * them in 4,096 buckets by their top bits (in order), so that only the scores of the bucket holding the m-th
     * best are copied and quickselected: a quickselect over all of them swapped tens of thousands of floats on
     * mispredicted branches (level 2 selects ~9,400 of ~47,000 groups per question at 1M events). The value is
     * the same: the same order statistic of the same floats.
     */
    private static float threshold(float[] scores, int n, int m, float[] work) {
        if (n <= SMALL) {
            System.arraycopy(scores, 0, work, 0, n);
            return select(work, 0, n - 1, n - m);
        }
        int[] counts = new int[1 << (32 - BUCKET_SHIFT)];
        for (int i = 0; i < n; i++) {
            counts[bucket(scores[i])]++;
        }
        int bucket = counts.length - 1;
        int above = 0;
        while (above + counts[bucket] < m) {
            above += counts[bucket--];
        }
        int held = 0;
        for (int i = 0; i < n; i++) {
            if (bucket(scores[i]) == bucket) {
                work[held++] = scores[i];
            }
        }
        return select(work, 0, held - 1, held - (m - above));
    }

    /** The score's bucket: buckets ascend as scores do (a float's bits made an int that orders like it). */
    private static int bucket(float score) {
        int bits = Float.floatToRawIntBits(score);
        return ((bits ^ (bits >> 31 & 0x7FFFFFFF)) >>> BUCKET_SHIFT) ^ 1 << (31 - BUCKET_SHIFT);
    }

    /** The value that would stand at position {@code rank} if {@code values} were sorted ascending. */
    private static float select(float[] values, int lo, int hi, int rank) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            float pivot = median(values[lo], values[mid], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
