package dev.loci.runtime.semantic.index;

import dev.loci.spatial.embedding.FloatDot;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/**
 * Exact float32 top-k by dot product over vectors packed in one array: the reference that int8 recall is
 * measured against and the peer of the int8 search in the benchmarks. Eight independent sums, so the loop
 * pipelines as well as a scalar loop can.
 */
public final class Float32Scan {
    private final int dimensions;
    private float[] packed = new float[0];
    private int size;

    public Float32Scan(int dimensions) {
        if (dimensions < 1) {
            throw new InvalidValueException("dimensions", dimensions, "must be positive");
        }
        this.dimensions = dimensions;
    }

    public int add(float[] vector) {
        if (vector.length != dimensions) {
            throw new InvalidValueException("vector", vector.length + " dimensions", "must have " + dimensions);
        }
        if (packed.length < (size + 1) * dimensions) {
            packed = Arrays.copyOf(packed, Math.max(16, size * 2) * dimensions);
        }
        System.arraycopy(vector, 0, packed, size * dimensions, dimensions);
        return size++;
    }

    public int size() {
        return size;
    }

    /** Indexes of the {@code k} best vectors, best first. */
    public int[] top(float[] query, int k) {
        TopK top = new TopK(k);
        for (int n = 0, o = 0; n < size; n++, o += dimensions) {
            float s = dot(o, query);
            if (s >= top.threshold()) {
                top.offer(s, n);
            }
        }
        return top.drainBestFirst(new float[top.size()]);
    }

    private float dot(int o, float[] y) {
        return (float) FloatDot.dot(packed, o, y, dimensions);
    }
}
