package dev.loci.spatial.embedding;

/**
 * The integer dot product under every int8 score. Products of two int8 values fit in 15 bits, so 4096 of them
 * fit in an int without overflow; four independent sums let the loop pipeline.
 */
public final class Int8Dot {
    private Int8Dot() {
    }

    /** Sum of {@code x[offset + i] * y[i]} for {@code i < length}. */
    public static int dot(byte[] x, int offset, byte[] y, int length) {
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            int o = offset + i;
            a += x[o] * y[i];
            b += x[o + 1] * y[i + 1];
            c += x[o + 2] * y[i + 2];
            d += x[o + 3] * y[i + 3];
        }
        for (; i < length; i++) {
            a += x[offset + i] * y[i];
        }
        return (a + b) + (c + d);
    }
}
