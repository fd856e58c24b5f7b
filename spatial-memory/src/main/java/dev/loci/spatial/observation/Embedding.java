package dev.loci.spatial.observation;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** An immutable feature vector (text or image embedding); compared by content. */
public final class Embedding {
    public static final int MAX_DIMENSIONS = 4096;
    private final float[] values;

    public Embedding(float[] values) {
        this(values, true);
    }

    private Embedding(float[] values, boolean copy) {
        if (values == null || values.length == 0 || values.length > MAX_DIMENSIONS) {
            throw new InvalidValueException("embedding", values == null ? null : values.length + " dimensions",
                    "must have 1.." + MAX_DIMENSIONS + " dimensions");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidValueException("embedding[" + i + "]", values[i], "must be finite");
            }
        }
        this.values = copy ? values.clone() : values;
    }

    /**
     * An embedding over {@code values} itself rather than a copy, checked as the constructor checks it, for code
     * that fills a fresh array for each embedding and drops it (embedders, decoders): the caller must neither keep
     * nor change the array. Opening a store decodes an embedding for every event, object label and chunk, and
     * the copies were a tenth of what it allocated.
     */
    public static Embedding adopting(float[] values) {
        return new Embedding(values, false);
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
