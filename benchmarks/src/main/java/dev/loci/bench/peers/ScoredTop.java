package dev.loci.bench.peers;

import java.util.Arrays;

/**
 * The {@code k} best (score, id) pairs seen, for the peers' client-side vector scans: a small sorted array,
 * since k is 10 and most candidates fall below the current threshold.
 */
final class ScoredTop {
    private final float[] scores;
    private final long[] ids;
    private int size;

    ScoredTop(int k) {
        scores = new float[k];
        ids = new long[k];
    }

    /** The score a candidate must beat once the top is full. */
    float threshold() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[size - 1];
    }

    void offer(float score, long id) {
        if (size == scores.length && score <= scores[size - 1]) {
            return;
        }
        int at = size < scores.length ? size++ : size - 1;
        while (at > 0 && scores[at - 1] < score) {
            scores[at] = scores[at - 1];
            ids[at] = ids[at - 1];
            at--;
        }
        scores[at] = score;
        ids[at] = id;
    }

    /** Ids, best first. */
    long[] ids() {
        return Arrays.copyOf(ids, size);
    }

    /** Dot product of a stored float32 vector (little-endian bytes, decoded into {@code scratch}) with {@code q}. */
    static float dot(byte[] bytes, float[] q, float[] scratch) {
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(scratch);
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int i = 0;
        for (; i + 3 < q.length; i += 4) {
            a += scratch[i] * q[i];
            b += scratch[i + 1] * q[i + 1];
            c += scratch[i + 2] * q[i + 2];
            d += scratch[i + 3] * q[i + 3];
        }
        for (; i < q.length; i++) {
            a += scratch[i] * q[i];
        }
        return (a + b) + (c + d);
    }

    /** A float32 vector as the little-endian bytes a user stores in a BLOB or a Redis value. */
    static byte[] bytesOf(float[] vector) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(vector.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }
}
