package dev.loci.spatial.observation;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** An immutable feature vector (text or image embedding); compared by content. */
public final class Embedding {
    public static final int MAX_DIMENSIONS = 4096;
    private final float[] values;

    public Embedding(float[] values) {
        if (values == null || values.length == 0 || values.length > MAX_DIMENSIONS) {
            throw new InvalidValueException("embedding", values == null ? null : values.length + " dimensions",
                    "must have 1.." + MAX_DIMENSIONS + " dimensions");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidValueException("embedding[" + i + "]", values[i], "must be finite");
            }
        }
        this.values = values.clone();
    }

    public int dimensions() {
        return values.length;
    }

    public float get(int index) {
        return values[index];
    }

    public float[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + " dims]";
    }
}
