package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.Int8Vector;
import java.util.Arrays;

/**
 * int8-quantized vectors (as {@link QuantizedVectors}) stored inverted: per dimension the vectors that are not
 * zero there, with their value, appended as vectors are added. For very sparse vectors such as object labels
 * embedded by the lexical {@code HashingEmbedder} (~6 non-zero dimensions of 256): scoring them all reads only
 * the postings of the query's non-zero dimensions (~6k entries for ~14k labels at 1M events) instead of a row of
 * every vector per query dimension. The integer sums, and the scores made from them, are those of
 * {@link QuantizedVectors}, bit for bit.
 */
final class PostingVectors {
    private final int dimensions;
    /** Per dimension: vector << 8 | value & 0xFF, in order of the vectors. */
    private final int[][] postings;
    private final int[] lengths;
    private float[] scales = new float[16];
    private int size;
    /** The vector being added, quantized (adds are serialised by the owner). */
    private final byte[] quantized;

    PostingVectors(int dimensions) {
        this.dimensions = dimensions;
        this.postings = new int[dimensions][];
        this.lengths = new int[dimensions];
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
        if (size >= 1 << 23) {
            throw new IllegalStateException("a posting store holds at most 2^23 vectors");
        }
        float scale = Int8Vector.quantizeInto(vector, quantized); // its elements are copied below
        for (int d = 0; d < dimensions; d++) {
            byte value = quantized[d];
            if (value != 0) {
                int[] list = postings[d];
                if (list == null) {
                    list = postings[d] = new int[8];
                } else if (lengths[d] == list.length) {
                    list = postings[d] = Arrays.copyOf(list, list.length * 2);
                }
                list[lengths[d]++] = size << 8 | value & 0xFF;
            }
        }
        if (size == scales.length) {
            scales = Arrays.copyOf(scales, scales.length * 2);
        }
        scales[size] = scale;
        return size++;
    }

    /**
     * Approximate dot products of every vector with the query into {@code out[0, size)}; {@code sums} is scratch
     * of at least {@link #size()} ints.
     */
    void dotAll(QuantizedVectors.Query query, float[] out, int[] sums) {
        Arrays.fill(sums, 0, size, 0);
        int[] q = query.values();
        for (int d = 0; d < dimensions; d++) {
            int weight = q[d];
            int[] list = postings[d];
            if (weight == 0 || list == null) {
                continue;
            }
            for (int i = 0, length = lengths[d]; i < length; i++) {
                int posting = list[i];
                sums[posting >>> 8] += weight * (byte) posting;
            }
        }
        float queryScale = query.scale();
        for (int i = 0; i < size; i++) {
            out[i] = sums[i] * scales[i] * queryScale;
        }
    }

    /** Bytes of the postings and scales (array lengths, not a heap measurement). */
    long retainedBytes() {
        long bytes = 16 + 8L * postings.length + 16 + 4L * lengths.length + 16 + 4L * scales.length;
        for (int[] posting : postings) {
            bytes += posting == null ? 0 : 16 + 4L * posting.length;
        }
        return bytes;
    }
}
