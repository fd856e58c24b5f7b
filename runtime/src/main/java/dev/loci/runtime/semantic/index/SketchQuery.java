package dev.loci.runtime.semantic.index;

/**
 * The query's side of the sign sketch. Stored vectors keep one sign bit per dimension; the query keeps its signs
 * and the magnitude of each component in three bit planes (0..7 of its largest component), so a sign
 * disagreement costs what that dimension weighs in the query. Plain Hamming distance counts a disagreement on a
 * component near zero as much as one on the query's largest; weighting ranks candidates much closer to their dot
 * products, so far fewer need exact rescoring for the same recall (BENCHMARKS.md, "weighted sign sketch").
 */
final class SketchQuery {
    private static final int PLANES = 3;
    private static final int LEVELS = (1 << PLANES) - 1;

    private final int words;
    private final long[] signs;
    /** Bit {@code b} of every dimension's weight, word by word: {@code [word * PLANES + b]}. */
    private final long[] planes;

    SketchQuery(float[] query) {
        int dimensions = query.length;
        words = (dimensions + 63) >>> 6;
        signs = new long[words];
        planes = new long[words * PLANES];
        float largest = 0;
        for (float x : query) {
            largest = Math.max(largest, Math.abs(x));
        }
        for (int i = 0; i < dimensions; i++) {
            if (query[i] > 0) {
                signs[i >>> 6] |= 1L << i;
            }
            // An all-zero query weighs every dimension alike: plain Hamming distance.
            int weight = largest == 0 ? 1 : Math.round(Math.abs(query[i]) / largest * LEVELS);
            for (int b = 0; b < PLANES; b++) {
                if ((weight >>> b & 1) != 0) {
                    planes[(i >>> 6) * PLANES + b] |= 1L << i;
                }
            }
        }
    }

    /** Largest distance {@link #distance} can return for {@code dimensions} dimensions. */
    static int maxDistance(int dimensions) {
        return LEVELS * dimensions;
    }

    /** Plain Hamming distance: the number of dimensions whose stored sign bit from {@code offset} disagrees. */
    int hamming(long[] stored, int offset) {
        int d = 0;
        for (int w = 0; w < words; w++) {
            d += Long.bitCount(stored[offset + w] ^ signs[w]);
        }
        return d;
    }

    /** The summed weights of the dimensions where the stored sign bits from {@code offset} disagree with the query. */
    int distance(long[] stored, int offset) {
        int d = 0;
        for (int w = 0; w < words; w++) {
            long differ = stored[offset + w] ^ signs[w];
            int p = w * PLANES;
            d += Long.bitCount(differ & planes[p])
                    + (Long.bitCount(differ & planes[p + 1]) << 1)
                    + (Long.bitCount(differ & planes[p + 2]) << 2);
        }
        return d;
    }
}
