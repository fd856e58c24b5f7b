package dev.loci.episodic.chunk;

/** Small float-vector helpers for chunk vectors. */
final class Vectors {
    private Vectors() {
    }

    /** Eight independent float sums, so the loop pipelines (chunk keys are scored thousands of times a query). */
    static double dot(float[] x, float[] y) {
        return dot(x, 0, y, x.length);
    }

    /**
     * Dot product of {@code length} floats of {@code x} from {@code offset} with {@code y}, in eight independent
     * sums so the loop pipelines. Every score in chunk memory goes through here, so the hierarchical and the
     * exhaustive paths score the same event bit-identically and their rankings stay comparable.
     */
    static double dot(float[] x, int offset, float[] y, int length) {
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

    /** {@code v / |v|}, or a copy of {@code v} if it is all zeros (it then scores 0 against everything). */
    static float[] normalised(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] unit = v.clone();
        if (norm > 0) {
            for (int i = 0; i < unit.length; i++) {
                unit[i] = (float) (unit[i] / norm);
            }
        }
        return unit;
    }

    static void add(float[] sum, float[] v) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }
}
