package dev.loci.spatial.embedding;

import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/**
 * A vector quantized to signed bytes with one scale: element {@code i} is {@code values[i] * scale}. Symmetric
 * per-vector quantization ({@code scale = max|v| / 127}, values in [-127, 127]) keeps a unit sentence vector's
 * cosine within about 1% while storing it in a quarter of the bytes, and lets a dot product run on integers.
 * Immutable; compared by content.
 */
public final class Int8Vector {
    /** Largest magnitude of a quantized element; -128 is never produced, so negation is safe. */
    public static final int LEVELS = 127;

    private final byte[] values;
    private final float scale;

    /** Wraps already quantized values (as decoded from storage); refuses -128, a negative or non-finite scale. */
    public Int8Vector(byte[] values, float scale) {
        if (values == null || values.length == 0 || values.length > Embedding.MAX_DIMENSIONS) {
            throw new InvalidValueException("int8 vector", values == null ? null : values.length + " dimensions",
                    "must have 1.." + Embedding.MAX_DIMENSIONS + " dimensions");
        }
        if (!Float.isFinite(scale) || scale < 0) {
            throw new InvalidValueException("int8 scale", scale, "must be finite and not negative");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == Byte.MIN_VALUE) {
                throw new InvalidValueException("int8 vector[" + i + "]", values[i], "must be in [-127, 127]");
            }
        }
        this.values = values.clone();
        this.scale = scale;
    }

    private Int8Vector(float scale, byte[] values) {
        this.values = values;
        this.scale = scale;
    }

    /** Quantizes {@code vector}; refuses non-finite elements. An all-zero vector gets scale 0. */
    public static Int8Vector quantize(float[] vector) {
        byte[] quantized = new byte[vector == null ? 0 : vector.length];
        float scale = quantizeInto(vector, quantized);
        return new Int8Vector(scale, quantized);
    }

    /**
     * As {@link #quantize}, into {@code out} (at least as long as the vector), returning the scale: for stores
     * that keep the elements their own way and would drop the vector at once (opening a store quantizes every
     * event vector).
     */
    public static float quantizeInto(float[] vector, byte[] out) {
        if (vector == null || vector.length == 0 || vector.length > Embedding.MAX_DIMENSIONS) {
            throw new InvalidValueException("vector", vector == null ? null : vector.length + " dimensions",
                    "must have 1.." + Embedding.MAX_DIMENSIONS + " dimensions");
        }
        float max = 0;
        for (int i = 0; i < vector.length; i++) {
            float magnitude = Math.abs(vector[i]);
            if (!(magnitude <= Float.MAX_VALUE)) { // NaN or infinite
                throw new InvalidValueException("vector[" + i + "]", vector[i], "must be finite");
            }
            if (magnitude > max) {
                max = magnitude;
            }
        }
        if (max == 0) {
            java.util.Arrays.fill(out, 0, vector.length, (byte) 0);
            return 0f;
        }
        float inverse = LEVELS / max;
        // Zeros (most elements of a lexical vector: opening a store quantizes every event's) quantize to 0.
        for (int i = 0; i < vector.length; i++) {
            float value = vector[i];
            if (value == 0) {
                out[i] = 0;
                continue;
            }
            int q = Math.round(value * inverse);
            out[i] = (byte) Math.max(-LEVELS, Math.min(LEVELS, q));
        }
        return max / LEVELS;
    }

    public int dimensions() {
        return values.length;
    }

    public float scale() {
        return scale;
    }

    public byte get(int index) {
        return values[index];
    }

    /** A copy of the quantized elements. */
    public byte[] values() {
        return values.clone();
    }

    /** The elements as floats ({@code values[i] * scale}). */
    public float[] dequantize() {
        float[] vector = new float[values.length];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values[i] * scale;
        }
        return vector;
    }

    /** Approximate dot product of the two original vectors. */
    public float dot(Int8Vector other) {
        requireSameDimensions(other.values.length);
        return Int8Dot.dot(values, 0, other.values, values.length) * scale * other.scale;
    }

    void requireSameDimensions(int dimensions) {
        if (dimensions != values.length) {
            throw new InvalidValueException("int8 vector", dimensions + " dimensions",
                    "must have the " + values.length + " dimensions of the other vector");
        }
    }

    /** The quantized elements without a copy, for the scan loops in this package. */
    byte[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Int8Vector v && Float.compare(scale, v.scale) == 0 && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Float.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Int8Vector[" + values.length + " dims, scale " + scale + "]";
    }
}
