package dev.loci.spatial.embedding;

/**
 * The one float dot product of float vectors (chunk memory's scores, the float32 text-search peer): eight
 * independent sums so the loop pipelines, and one summation order, so two paths scoring the same vectors get
 * bit-identical scores and their rankings stay comparable.
 */
public final class FloatDot {
    private FloatDot() {
    }

    /** Dot product of {@code length} floats of {@code x} from {@code offset} with {@code y[0, length)}. */
    public static double dot(float[] x, int offset, float[] y, int length) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        float e = 0;
        float f = 0;
        float g = 0;
        float h = 0;
        int i = 0;
        for (; i + 7 < length; i += 8) {
            int o = offset + i;
            a += x[o] * y[i];
            b += x[o + 1] * y[i + 1];
            c += x[o + 2] * y[i + 2];
            d += x[o + 3] * y[i + 3];
            e += x[o + 4] * y[i + 4];
            f += x[o + 5] * y[i + 5];
            g += x[o + 6] * y[i + 6];
            h += x[o + 7] * y[i + 7];
        }
        for (; i < length; i++) {
            a += x[offset + i] * y[i];
        }
        return (double) ((a + b) + (c + d)) + ((e + f) + (g + h));
    }
}
