package dev.loci.spatial.embedding;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8VectorsTest {

    @Test
    void scoresOfEveryIndexMatchTheSingleVectorDotAcrossPageBoundaries() {
        Random random = new Random(11);
        Int8Vectors store = new Int8Vectors(40);
        List<Int8Vector> added = new ArrayList<>();
        for (int i = 0; i < 9_000; i++) { // more than two pages of 4,096
            float[] v = Int8VectorTest.randomUnit(random, 40);
            assertThat(store.add(v)).isEqualTo(i);
            added.add(Int8Vector.quantize(v));
        }
        Int8Vector query = Int8Vector.quantize(Int8VectorTest.randomUnit(random, 40));
        float[] scores = new float[store.size() - 100];

        store.dotRange(query, 100, store.size(), scores);

        for (int i = 100; i < store.size(); i++) {
            float expected = added.get(i).dot(query);
            assertThat(scores[i - 100]).isEqualTo(expected);
            assertThat(store.dot(i, query)).isEqualTo(expected);
            assertThat(store.get(i)).isEqualTo(added.get(i));
        }
    }

    @Test
    void setReplacesAVectorInPlace() {
        Int8Vectors store = new Int8Vectors(3);
        store.add(new float[] {1, 0, 0});
        store.add(new float[] {0, 1, 0});
        Int8Vector replacement = Int8Vector.quantize(new float[] {0, 0, 1});

        store.set(0, replacement);

        assertThat(store.get(0)).isEqualTo(replacement);
        assertThat(store.get(1)).isEqualTo(Int8Vector.quantize(new float[] {0, 1, 0}));
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void refusesWrongLengthsAndIndexes() {
        Int8Vectors store = new Int8Vectors(3);
        store.add(new float[] {1, 0, 0});

        assertRefused(() -> store.add(new float[] {1, 0}), "vector", "2 dimensions");
        assertRefused(() -> store.get(1), "vector index", "1");
        assertRefused(() -> store.dotRange(Int8Vector.quantize(new float[] {1, 0, 0}), 0, 2, new float[2]), "range",
                "[0, 2)");
        assertRefused(() -> new Int8Vectors(0), "dimensions", "0");
        assertThat(store.size()).isEqualTo(1);
    }
}
