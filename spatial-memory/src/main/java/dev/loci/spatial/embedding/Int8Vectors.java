package dev.loci.spatial.embedding;

import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/**
 * int8 vectors of one length packed back to back in pages of bytes, with one scale per vector, addressed by
 * index 0, 1, 2... A scan over a run of indexes reads contiguous memory (a quarter of the bytes of float32
 * vectors), which is what bounds an exact search. Not thread-safe: one owner writes; readers need the owner's
 * publication (e.g. a lock or a volatile size it publishes).
 */
public final class Int8Vectors {
    private static final int PAGE_SHIFT = 12;
    private static final int PAGE = 1 << PAGE_SHIFT;

    private final int dimensions;
    private byte[][] pages = new byte[1][];
    private float[] scales = new float[16];
    private int size;

    public Int8Vectors(int dimensions) {
        if (dimensions < 1 || dimensions > Embedding.MAX_DIMENSIONS) {
            throw new InvalidValueException("dimensions", dimensions, "must be in [1, "
                    + Embedding.MAX_DIMENSIONS + "]");
        }
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    public int size() {
        return size;
    }

    /** Quantizes and appends {@code vector}; returns its index. */
    public int add(float[] vector) {
        requireDimensions(vector == null ? 0 : vector.length);
        return add(Int8Vector.quantize(vector));
    }

    /** Appends an already quantized vector (e.g. read back from storage); returns its index. */
    public int add(Int8Vector vector) {
        requireDimensions(vector.dimensions());
        int page = size >>> PAGE_SHIFT;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        int slot = size & (PAGE - 1);
        if (pages[page] == null) {
            int capacity = size == 0 ? 16 : Math.min(PAGE, Integer.highestOneBit(size) * 2);
            pages[page] = new byte[capacity * dimensions];
        } else if (pages[page].length < (slot + 1) * dimensions) {
            pages[page] = Arrays.copyOf(pages[page], Math.min(PAGE * dimensions, pages[page].length * 2));
        }
        System.arraycopy(vector.raw(), 0, pages[page], slot * dimensions, dimensions);
        if (size == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
        }
        scales[size] = vector.scale();
        return size++;
    }

    /** Replaces vector {@code index} (a re-embedded text keeps its slot). */
    public void set(int index, Int8Vector vector) {
        checkIndex(index);
        requireDimensions(vector.dimensions());
        System.arraycopy(vector.raw(), 0, pages[index >>> PAGE_SHIFT], (index & (PAGE - 1)) * dimensions,
                dimensions);
        scales[index] = vector.scale();
    }

    public Int8Vector get(int index) {
        checkIndex(index);
        byte[] values = new byte[dimensions];
        System.arraycopy(pages[index >>> PAGE_SHIFT], (index & (PAGE - 1)) * dimensions, values, 0, dimensions);
        return new Int8Vector(values, scales[index]);
    }

    public float scale(int index) {
        checkIndex(index);
        return scales[index];
    }

    /** Approximate dot product of vector {@code index} with the query's original vector. */
    public float dot(int index, Int8Vector query) {
        checkIndex(index);
        requireDimensions(query.dimensions());
        return Int8Dot.dot(pages[index >>> PAGE_SHIFT], (index & (PAGE - 1)) * dimensions, query.raw(), dimensions)
                * scales[index] * query.scale();
    }

    /**
     * Scores vectors {@code from} (inclusive) to {@code to} (exclusive) against {@code query} into
     * {@code out[0 .. to - from)}: the exact-search loop, page by page over contiguous bytes.
     */
    public void dotRange(Int8Vector query, int from, int to, float[] out) {
        requireDimensions(query.dimensions());
        if (from < 0 || to > size || from > to) {
            throw new InvalidValueException("range", "[" + from + ", " + to + ")", "must lie in [0, " + size + ")");
        }
        byte[] q = query.raw();
        float queryScale = query.scale();
        int index = from;
        while (index < to) {
            byte[] page = pages[index >>> PAGE_SHIFT];
            int end = Math.min(to, ((index >>> PAGE_SHIFT) + 1) << PAGE_SHIFT);
            int offset = (index & (PAGE - 1)) * dimensions;
            for (; index < end; index++, offset += dimensions) {
                out[index - from] = Int8Dot.dot(page, offset, q, dimensions) * scales[index] * queryScale;
            }
        }
    }

    /**
     * Reads one byte of every cache line vector {@code index} spans and returns their sum. Scoring vectors
     * scattered over memory waits on one cache miss after another, since a dot product is too long for the CPU
     * to run ahead into the next vector; touching them all first lets their misses overlap (Java has no prefetch
     * instruction). The caller must use the result so the reads are not optimized away.
     */
    public int touch(int index) {
        checkIndex(index);
        byte[] page = pages[index >>> PAGE_SHIFT];
        int offset = (index & (PAGE - 1)) * dimensions;
        int sum = page[offset + dimensions - 1];
        for (int i = 0; i < dimensions; i += 64) {
            sum += page[offset + i];
        }
        return sum;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new InvalidValueException("vector index", index, "must be in [0, " + size + ")");
        }
    }

    private void requireDimensions(int actual) {
        if (actual != dimensions) {
            throw new InvalidValueException("vector", actual + " dimensions", "must have " + dimensions
                    + " dimensions");
        }
    }
}
