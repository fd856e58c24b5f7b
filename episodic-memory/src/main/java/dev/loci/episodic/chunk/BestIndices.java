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
        System.arraycopy(scores, 0, copy, 0, n);
        float threshold = select(copy, 0, n - 1, n - m); // the m-th best score
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
