package dev.loci.spatial.embedding;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8VectorTest {

    static float[] randomUnit(Random random, int dimensions) {
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimensions; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void quantizingIntoAnArrayGivesTheElementsAndScaleOfQuantize() {
        Random random = new Random(11);
        byte[] out = new byte[300];
        java.util.Arrays.fill(out, (byte) 9);
        for (float[] v : new float[][] {randomUnit(random, 256), new float[256], {0.5f, -1.0f, 0.25f, 0f}}) {
            Int8Vector q = Int8Vector.quantize(v);

            float scale = Int8Vector.quantizeInto(v, out);

            assertThat(scale).isEqualTo(q.scale());
            for (int i = 0; i < v.length; i++) {
                assertThat(out[i]).isEqualTo(q.get(i));
            }
        }
        assertRefused(() -> Int8Vector.quantizeInto(new float[] {Float.NaN}, out), "vector[0]", "NaN");
    }

    @Test
    void largestElementMapsTo127AndSignsArePreserved() {
        Int8Vector q = Int8Vector.quantize(new float[] {0.5f, -1.0f, 0.25f, 0f});

        assertThat(q.get(1)).isEqualTo((byte) -127);
        assertThat(q.get(0)).isEqualTo((byte) 64);
        assertThat(q.get(2)).isEqualTo((byte) 32);
        assertThat(q.get(3)).isZero();
        assertThat(q.scale()).isEqualTo(1.0f / 127);
    }

    @Test
    void dequantizedElementsAreWithinHalfAStepOfTheOriginal() {
        Random random = new Random(3);
        float[] v = randomUnit(random, 384);
        Int8Vector q = Int8Vector.quantize(v);
        float[] back = q.dequantize();

        for (int i = 0; i < v.length; i++) {
            assertThat(back[i]).isCloseTo(v[i], within(q.scale() / 2 + 1e-7f));
        }
    }

    @Test
    void dotOfQuantizedUnitVectorsIsCloseToTheFloatDot() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            float[] a = randomUnit(random, 384);
            float[] b = randomUnit(random, 384);
            double exact = dot(a, b);

            assertThat((double) Int8Vector.quantize(a).dot(Int8Vector.quantize(b))).isCloseTo(exact, within(0.01));
        }
    }

    @Test
    void selfDotOfAUnitVectorIsAboutOne() {
        Int8Vector q = Int8Vector.quantize(randomUnit(new Random(7), 384));

        assertThat(q.dot(q)).isCloseTo(1f, within(0.01f));
    }

    @Test
    void zeroVectorGetsZeroScaleAndScoresZero() {
        Int8Vector zero = Int8Vector.quantize(new float[8]);

        assertThat(zero.scale()).isZero();
        assertThat(zero.dot(Int8Vector.quantize(new float[] {1, 2, 3, 4, 5, 6, 7, 8}))).isZero();
    }

    @Test
    void refusesNonFiniteElementsNamingTheIndex() {
        assertRefused(() -> Int8Vector.quantize(new float[] {1, Float.NaN}), "vector[1]", "NaN", "must be finite");
    }

    @Test
    void refusesMinus128AndBadScalesFromStorage() {
        assertRefused(() -> new Int8Vector(new byte[] {1, Byte.MIN_VALUE}, 1f), "int8 vector[1]", "-128");
        assertRefused(() -> new Int8Vector(new byte[] {1}, -1f), "int8 scale", "-1.0");
        assertRefused(() -> new Int8Vector(new byte[] {1}, Float.NaN), "int8 scale", "NaN");
    }

    @Test
    void refusesComparingVectorsOfDifferentLengths() {
        Int8Vector a = Int8Vector.quantize(new float[] {1, 2});
        Int8Vector b = Int8Vector.quantize(new float[] {1, 2, 3});

        assertRefused(() -> a.dot(b), "int8 vector", "3 dimensions");
    }

    @Test
    void valuesAreCopiedInAndOut() {
        byte[] raw = {1, 2, 3};
        Int8Vector v = new Int8Vector(raw, 0.5f);
        raw[0] = 99;
        v.values()[1] = 99;

        assertThat(v).isEqualTo(new Int8Vector(new byte[] {1, 2, 3}, 0.5f));
    }
}
