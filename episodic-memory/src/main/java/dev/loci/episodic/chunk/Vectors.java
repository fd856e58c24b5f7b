package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.FloatDot;

/** Small float-vector helpers for chunk vectors. */
final class Vectors {
    private Vectors() {
    }

    /** Eight independent float sums, so the loop pipelines (chunk keys are scored thousands of times a query). */
    static double dot(float[] x, float[] y) {
        return dot(x, 0, y, x.length);
    }

    /** See {@link FloatDot}: every score in chunk memory goes through it, so all paths score bit-identically. */
    static double dot(float[] x, int offset, float[] y, int length) {
        return FloatDot.dot(x, offset, y, length);
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
