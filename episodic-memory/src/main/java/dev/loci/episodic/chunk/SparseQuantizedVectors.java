package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.Int8Vector;
import java.util.Arrays;

/**
 * int8-quantized vectors (as {@link QuantizedVectors}) that keep only their non-zero elements: per vector its
 * (dimension, value) pairs back to back in pages. For event vectors: the lexical embedder gives an event of a
 * dozen words ~25 non-zero elements of 256, so an event takes ~75 bytes here instead of 1 KB of int lanes, and
 * scoring an episode's events reads a few cache lines in a row instead of a kilobyte per event (profiled at 1M
 * events: scoring the chosen episodes' events was a third of a hierarchical recall, bound by memory). Zero
 * elements add nothing to an integer dot product, so the scores are those of the dense int8 vectors, bit for bit.
 *
 * <p>With at most 256 dimensions (the lexical embedder's) an element is one short, dimension in the high byte and
 * value in the low one: one stream of 2 bytes an element instead of two streams (dimension, value) of 3 bytes,
 * which the chosen episodes' events, scattered over the history, are read from at a cache miss per line.
 */
final class SparseQuantizedVectors {
    private static final int PAGE_SHIFT = 10;
    private static final int PAGE = 1 << PAGE_SHIFT;

    private final int dimensions;
    /** pages[p] and scales[i] hold page {@code firstPage + p} and vector {@code firstPage * PAGE + i}. */
    private Page[] pages = new Page[1];
    private float[] scales = new float[16];
    private int firstPage;
    private int size;

    /** The elements of up to {@link #PAGE} vectors: vector i's are at [ends[i - 1], ends[i]). */
    private static final class Page {
        final int[] ends = new int[PAGE];
        /** dimension << 8 | value & 0xFF when packed; else the dimension, its value in {@link #values}. */
        short[] dims = new short[256];
        byte[] values;
        int used;

        Page(boolean packed) {
            values = packed ? null : new byte[256];
        }
    }

    /** Dimensions that fit a byte: elements are packed in one short. */
    private final boolean packed;
    /** The vector being added, quantized (the writer's alone: adds are serialised). */
    private final byte[] quantized;

    SparseQuantizedVectors(int dimensions) {
        this.dimensions = dimensions;
        this.packed = dimensions <= 256;
        this.quantized = new byte[dimensions];
    }

    int size() {
        return size;
    }

    /** Quantizes and appends {@code vector}; returns its index. */
    int add(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("vector of " + vector.length + " dimensions in a store of "
                    + dimensions);
        }
        float scale = Int8Vector.quantizeInto(vector, quantized); // its elements are copied below
        int p = (size >>> PAGE_SHIFT) - firstPage;
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[p] == null) {
            pages[p] = new Page(packed);
        }
        Page page = pages[p];
        for (int d = 0; d < dimensions; d++) {
            byte value = quantized[d];
            if (value != 0) {
                if (page.used == page.dims.length) {
                    page.dims = Arrays.copyOf(page.dims, page.used * 2);
                    page.values = packed ? null : Arrays.copyOf(page.values, page.used * 2);
                }
                if (packed) {
                    page.dims[page.used] = (short) (d << 8 | value & 0xFF);
                } else {
                    page.dims[page.used] = (short) d;
                    page.values[page.used] = value;
                }
                page.used++;
            }
        }
        page.ends[size & (PAGE - 1)] = page.used;
        int slot = size - (firstPage << PAGE_SHIFT);
        if (slot == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
        }
        scales[slot] = scale;
        return size++;
    }

    /** Frees full page {@code p} (its events were forgotten); its vectors then score 0. */
    boolean releasePage(int page) {
        int p = page - firstPage;
        if (p < 0 || p >= pages.length || (page + 1) << PAGE_SHIFT > size || pages[p] == null) {
            return false;
        }
        pages[p] = null;
        return true;
    }

    /** As {@link PackedVectors#dropPagesBefore}: the page table and the scales of dropped pages go too. */
    void dropPagesBefore(int page) {
        int drop = page - firstPage;
        if (drop <= 0) {
            return;
        }
        pages = Arrays.copyOfRange(pages, drop, Math.max(drop + 1, pages.length));
        int held = size - (page << PAGE_SHIFT);
        scales = Arrays.copyOfRange(scales, drop << PAGE_SHIFT,
                (drop << PAGE_SHIFT) + Math.max(16, Integer.highestOneBit(Math.max(1, held)) * 2));
        firstPage = page;
    }

    /** Bytes of the pages, the scales and the page table (array lengths, not a heap measurement). */
    long retainedBytes() {
        long bytes = 16 + 8L * pages.length + 16 + 4L * scales.length;
        for (Page page : pages) {
            if (page != null) {
                bytes += 32 + 16 + 4L * page.ends.length + 16 + 2L * page.dims.length
                        + (page.values == null ? 0 : 16 + page.values.length);
            }
        }
        return bytes;
    }
    /**
     * Approximate dot products of the runs {@code [from[r], to[r])}, {@code r < runs}, back to back into
     * {@code out}. Before scoring, it reads one element of every cache line the runs will need, run after run:
     * the chosen episodes lie scattered over the history, and scored one at a time each waited on a chain of
     * cache misses (page, its ends, its elements) that these independent reads let the processor overlap. Returns
     * a value of the touched elements, for the caller to keep so that the reads are not optimised away.
     */
    int dotRuns(QuantizedVectors.Query query, int[] from, int[] to, int runs, float[] out) {
        int touched = 0;
        int held = firstPage << PAGE_SHIFT; // runs are never in dropped pages: their episodes left the index
        for (int r = 0; r < runs; r++) { // the pages, the first line of each run's ends and scales
            Page page = pages[(from[r] >>> PAGE_SHIFT) - firstPage];
            if (page != null) {
                touched += page.ends[from[r] & (PAGE - 1)];
            }
            touched += Float.floatToRawIntBits(scales[from[r] - held]);
        }
        for (int r = 0; r < runs; r++) { // every line of each run's elements (a run within one page)
            Page page = pages[(from[r] >>> PAGE_SHIFT) - firstPage];
            int slot = from[r] & (PAGE - 1);
            int last = to[r] - 1;
            if (page == null || last >>> PAGE_SHIFT != from[r] >>> PAGE_SHIFT) {
                continue;
            }
            short[] dims = page.dims;
            int end = page.ends[last & (PAGE - 1)];
            for (int j = slot == 0 ? 0 : page.ends[slot - 1]; j < end; j += 32) {
                touched += dims[j];
            }
        }
        int at = 0;
        for (int r = 0; r < runs; r++) {
            dotRange(query, from[r], to[r], out, at);
            at += to[r] - from[r];
        }
        return touched;
    }

    /** Approximate dot products of vectors {@code [from, to)} with the query into {@code out[0, to - from)}. */
    void dotRange(QuantizedVectors.Query query, int from, int to, float[] out) {
        dotRange(query, from, to, out, 0);
    }

    /** As {@link #dotRange(QuantizedVectors.Query, int, int, float[])}, into {@code out[at, at + to - from)}. */

    void dotRange(QuantizedVectors.Query query, int from, int to, float[] out, int at) {
        int[] q = query.values();
        float queryScale = query.scale();
        for (int index = from; index < to; index++) {
            Page page = pages[(index >>> PAGE_SHIFT) - firstPage];
            if (page == null) {
                out[at + index - from] = 0;
                continue;
            }
            int slot = index & (PAGE - 1);
            int start = slot == 0 ? 0 : page.ends[slot - 1];
            int end = page.ends[slot];
            short[] dims = page.dims;
            int sum = 0;
            if (packed) {
                for (int j = start; j < end; j++) {
                    int element = dims[j];
                    sum += q[element >> 8 & 0xFF] * (byte) element;
                }
            } else {
                byte[] values = page.values;
                for (int j = start; j < end; j++) {
                    sum += q[dims[j]] * values[j];
                }
            }
            out[at + index - from] = sum * scales[index - (firstPage << PAGE_SHIFT)] * queryScale;
        }
    }
}
