package dev.loci.episodic.chunk;

/** Small float-vector helpers for chunk vectors. */
final class Vectors {
    private Vectors() {
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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

    /** Cosine of a unit vector with any vector (0 for a zero vector). */
    static double cosine(float[] unit, float[] any) {
        double norm = Math.sqrt(dot(any, any));
        return norm == 0 ? 0 : dot(unit, any) / norm;
    }
}
