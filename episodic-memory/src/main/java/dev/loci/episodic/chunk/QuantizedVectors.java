package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.Int8Vector;
import java.util.Arrays;

/**
 * int8-quantized vectors (spatial-memory's {@link Int8Vector}: symmetric, one scale per vector) packed in pages,
 * for ranking.
 *
 * <p>Layout: dimension-major blocks of vectors (element {@code d} of the block's vectors side by
 * side), so a dot product reads only the dimensions where the query is not zero. Chunk and event vectors come
 * from the lexical {@code HashingEmbedder}: a question of eight words sets ~15 of 256 dimensions, so scoring a
 * run of vectors reads ~6% of the bytes a vector-major layout reads (profiled at 1M events: the int8 kernel over
 * whole vectors was ~73% of a hierarchical recall, memory-bound). A dense query reads every dimension, as
 * before. Sums are exact integers, so the scores do not depend on the layout, on the block width or on which
 * zero dimensions are skipped.
 *
 * <p>The int8 values are held as bytes, so a dimension's row of a {@value #BLOCK}-wide block is one 64-byte cache
 * line. They were held in int lanes so that C2 (Java 17) vectorizes the multiply-add, which pays when whole
 * vectors are scored; with a lexical query's ~15 dimensions the work is a few multiply-adds per vector and the
 * time goes in cache misses, which bytes cut four-fold (measured at 1M events: hierarchical recall's CPU time
 * per question -11%, and the key and grouped-episode copies take a quarter of the memory).
 *
 * <p>Block width: {@value #BLOCK} by default, or {@link #WIDE} (a page's 1,024 vectors) for stores that recall
 * reads over much of their length in memory order (a robot's session keys, all scored; its grouped episodes, the
 * runs of about half of the sessions). A query dimension's row is then 1 KB in a row, which the hardware
 * prefetches as a stream, where 64-wide blocks cost a cache miss per row and block (measured at 1M events: CPU
 * per question -9% for the keys, -6 to -11% for the grouped episodes).
 */
final class QuantizedVectors {
    private static final int PAGE_SHIFT = 10;
    private static final int PAGE = 1 << PAGE_SHIFT;
    /** The block width for ranges of a few vectors: a dimension's row of a block is one 64-byte cache line. */
    static final int BLOCK = 64;
    /** The widest block: a page's rows, for a store read over much of its length (see the class comment). */
    static final int WIDE = PAGE;

    private final int dimensions;
    private final int block;
    private byte[][] pages = new byte[1][];
    private float[] scales = new float[16];
    private int size;

    QuantizedVectors(int dimensions) {
        this(dimensions, BLOCK);
    }

    /** A store of blocks {@code block} vectors wide (a power of two up to {@link #WIDE}; see the class comment). */
    QuantizedVectors(int dimensions, int block) {
        if (block < 1 || block > WIDE || Integer.bitCount(block) != 1) {
            throw new IllegalArgumentException("block width " + block + " not a power of two up to " + WIDE);
        }
        this.dimensions = dimensions;
        this.block = block;
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
            pages[page] = new byte[PageSizes.firstCapacity(size, PAGE) * dimensions];
        } else {
            int grown = PageSizes.grownLength(pages[page].length, slot, PAGE, dimensions);
            pages[page] = grown < 0 ? pages[page] : relaidOut(pages[page], grown);
        }
        byte[] values = pages[page];
        int width = blockWidth(values);
        int at = blockBase(slot, width) + slot % width;
        for (int d = 0; d < dimensions; d++) {
            values[at + d * width] = quantized.get(d);
        }
        if (size == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
        }
        scales[size] = quantized.scale();
        return size++;
    }

    /** Bytes of the pages, the scales and the page table (array lengths, not a heap measurement). */
    long retainedBytes() {
        long bytes = 16 + 8L * pages.length + 16 + 4L * scales.length;
        for (byte[] page : pages) {
            bytes += page == null ? 0 : 16 + page.length;
        }
        return bytes;
    }

    /** Vectors per block of a page: the store's block width, or the page's capacity while it is smaller. */
    private int blockWidth(byte[] page) {
        return Math.min(block, page.length / dimensions);
    }

    private int blockBase(int slot, int width) {
        return slot / width * width * dimensions;
    }

    /** A page grown to {@code length}; small pages change their block width, so their elements move. */
    private byte[] relaidOut(byte[] page, int length) {
        int oldWidth = blockWidth(page);
        byte[] grown = new byte[length];
        int newWidth = blockWidth(grown);
        if (oldWidth == newWidth) {
            System.arraycopy(page, 0, grown, 0, page.length);
            return grown;
        }
        int vectors = page.length / dimensions;
        for (int slot = 0; slot < vectors; slot++) {
            int from = blockBase(slot, oldWidth) + slot % oldWidth;
            int to = blockBase(slot, newWidth) + slot % newWidth;
            for (int d = 0; d < dimensions; d++) {
                grown[to + d * newWidth] = page[from + d * oldWidth];
            }
        }
        return grown;
    }

    /** A query quantized like the stored vectors, with the dimensions where it is not zero. */
    static Query query(float[] vector) {
        Int8Vector quantized = Int8Vector.quantize(vector);
        int[] values = new int[quantized.dimensions()];
        int nonZero = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = quantized.get(i);
            nonZero += values[i] != 0 ? 1 : 0;
        }
        int[] dims = new int[nonZero];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                dims[n++] = i;
            }
        }
        return new Query(values, dims, quantized.scale());
    }

    /**
     * A quantized query: its values, the dimensions where they are not zero, its scale, and the sums of the
     * block being scored (one query is scored by one thread at a time).
     */
    static final class Query {
        private final int[] values;
        private final int[] nonZero;
        private final float scale;
        private final int[] sums = new int[WIDE];

        Query(int[] values, int[] nonZero, float scale) {
            this.values = values;
            this.nonZero = nonZero;
            this.scale = scale;
        }

        int nonZeroDimensions() {
            return nonZero.length;
        }

        /** The quantized values, all dimensions (do not modify). */
        int[] values() {
            return values;
        }

        float scale() {
            return scale;
        }
    }

    /** Approximate dot products of vectors {@code [from, to)} with the query into {@code out[0, to - from)}. */
    void dotRange(Query query, int from, int to, float[] out) {
        dotRange(query, from, to, out, 0);
    }

    /** As {@link #dotRange(Query, int, int, float[])}, into {@code out[at, at + to - from)}. */
    void dotRange(Query query, int from, int to, float[] out, int at) {
        int[] q = query.values;
        int[] dims = query.nonZero;
        int[] sums = query.sums;
        float queryScale = query.scale;
        int index = from;
        while (index < to) {
            byte[] page = pages[index >>> PAGE_SHIFT];
            int width = blockWidth(page);
            int slot = index & (PAGE - 1);
            int inBlock = slot % width;
            int n = Math.min(to - index, width - inBlock);
            int base = blockBase(slot, width) + inBlock;
            if (dims.length == 0) {
                Arrays.fill(sums, 0, n, 0);
            } else { // the first dimension sets the sums: no pass clearing them (level 3 makes ~9,400 calls)
                multiply(sums, page, base + dims[0] * width, q[dims[0]], n);
            }
            for (int j = 1; j < dims.length; j++) {
                accumulate(sums, page, base + dims[j] * width, q[dims[j]], n);
            }
            for (int i = 0; i < n; i++) {
                out[at + index - from + i] = sums[i] * scales[index + i] * queryScale;
            }
            index += n;
        }
    }

    /** {@code sums[i] = weight * column[offset + i]}. */
    private static void multiply(int[] sums, byte[] column, int offset, int weight, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] = weight * column[offset + i];
        }
    }

    /** {@code sums[i] += weight * column[offset + i]}. */
    private static void accumulate(int[] sums, byte[] column, int offset, int weight, int n) {
        for (int i = 0; i < n; i++) {
            sums[i] += weight * column[offset + i];
        }
    }
}
