package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.Int8Vector;
import java.util.Arrays;

/**
 * int8-quantized vectors (spatial-memory's {@link Int8Vector}: symmetric, one scale per vector) packed back to
 * back in pages, for ranking. The int8 values are held in int lanes: HotSpot's C2 (Java 17) vectorizes an int
 * multiply-add reduction (AVX2 / AVX-512) but not one that widens bytes, so over int lanes the dot product of a
 * 256-dimension vector measured ~35-40 ns streaming from memory, against ~115 ns over bytes and ~130 ns for the
 * float kernel (whose reduction C2 may not reorder). Bytes would take a quarter of the memory; the kernel is
 * what bounds recall here.
 */
final class QuantizedVectors {
    private static final int PAGE_SHIFT = 10;
    private static final int PAGE = 1 << PAGE_SHIFT;

    private final int dimensions;
    private int[][] pages = new int[1][];
    private float[] scales = new float[16];
    private int size;

    QuantizedVectors(int dimensions) {
        this.dimensions = dimensions;
    }

    int size() {
        return size;
    }

    int dimensions() {
        return dimensions;
    }

    /** Quantizes and appends {@code vector}; returns its index. */
    int add(float[] vector) {
        Int8Vector quantized = Int8Vector.quantize(vector);
        int page = size >>> PAGE_SHIFT;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        int slot = size & (PAGE - 1);
        if (pages[page] == null) {
            pages[page] = new int[PageSizes.firstCapacity(size, PAGE) * dimensions];
        } else {
            int grown = PageSizes.grownLength(pages[page].length, slot, PAGE, dimensions);
            pages[page] = grown < 0 ? pages[page] : Arrays.copyOf(pages[page], grown);
        }
        int offset = slot * dimensions;
        for (int i = 0; i < dimensions; i++) {
            pages[page][offset + i] = quantized.get(i);
        }
        if (size == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
        }
        scales[size] = quantized.scale();
        return size++;
    }

    /** A query quantized like the stored vectors. */
    static Query query(float[] vector) {
        Int8Vector quantized = Int8Vector.quantize(vector);
        int[] values = new int[quantized.dimensions()];
        for (int i = 0; i < values.length; i++) {
            values[i] = quantized.get(i);
        }
        return new Query(values, quantized.scale());
    }

    record Query(int[] values, float scale) {
    }

    /** Approximate dot products of vectors {@code [from, to)} with the query into {@code out[0, to - from)}. */
    void dotRange(Query query, int from, int to, float[] out) {
        int[] q = query.values();
        float queryScale = query.scale();
        int index = from;
        while (index < to) {
            int[] page = pages[index >>> PAGE_SHIFT];
            int end = Math.min(to, ((index >>> PAGE_SHIFT) + 1) << PAGE_SHIFT);
            int offset = (index & (PAGE - 1)) * dimensions;
            for (; index < end; index++, offset += dimensions) {
                out[index - from] = dot(page, offset, q, dimensions) * scales[index] * queryScale;
            }
        }
    }

    /** One accumulator on purpose: C2 vectorizes this shape of int reduction, not a hand-unrolled one. */
    private static int dot(int[] x, int offset, int[] y, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += x[offset + i] * y[i];
        }
        return sum;
    }
}
