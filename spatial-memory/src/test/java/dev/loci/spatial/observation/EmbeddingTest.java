package dev.loci.spatial.observation;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    void refusesEmptyOrMissingVector() {
        assertRefused(() -> new Embedding(new float[0]), "embedding", "0 dimensions", "must have 1..4096 dimensions");
        assertRefused(() -> new Embedding(null), "embedding", "null", "must have 1..4096 dimensions");
    }

    @Test
    void acceptsUpTo4096DimensionsButNotMore() {
        assertThat(new Embedding(new float[4096]).dimensions()).isEqualTo(4096);
        assertRefused(() -> new Embedding(new float[4097]), "embedding", "4097 dimensions");
    }

    @Test
    void refusesNaNElementNamingItsIndex() {
        float[] values = {0.1f, 0.2f, Float.NaN, 0.4f};

        assertRefused(() -> new Embedding(values), "embedding[2]", "NaN", "must be finite");
    }

    @Test
    void refusesInfiniteElementNamingItsIndex() {
        float[] values = new float[300];
        values[299] = Float.NEGATIVE_INFINITY;

        assertRefused(() -> new Embedding(values), "embedding[299]", "-Infinity", "must be finite");
    }

    @Test
    void adoptingChecksAsTheConstructorDoesAndEqualsACopy() {
        float[] values = {0.1f, Float.NaN};
        assertRefused(() -> Embedding.adopting(values), "embedding[1]", "NaN", "must be finite");
        assertRefused(() -> Embedding.adopting(new float[0]), "embedding", "0 dimensions");

        float[] fresh = {1, 2, 3};
        Embedding adopted = Embedding.adopting(fresh);

        assertThat(adopted).isEqualTo(new Embedding(new float[] {1, 2, 3}));
        assertThat(adopted.toArray()).containsExactly(1, 2, 3).isNotSameAs(fresh);
    }

    @Test
    void comparesByContent() {
        Embedding a = new Embedding(new float[] {1, 2, 3});
        Embedding b = new Embedding(new float[] {1, 2, 3});
        Embedding c = new Embedding(new float[] {1, 2, 4});
        Embedding shorter = new Embedding(new float[] {1, 2});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(c).isNotEqualTo(shorter).isNotEqualTo("Embedding[3 dims]");
        assertThat(a).hasToString("Embedding[3 dims]");
    }

    @Test
    void copiesTheInputArray() {
        float[] values = {1, 2, 3};
        Embedding e = new Embedding(values);

        values[0] = 99;

        assertThat(e.get(0)).isEqualTo(1f);
        assertThat(e).isEqualTo(new Embedding(new float[] {1, 2, 3}));
    }

    @Test
    void returnsACopyFromToArray() {
        Embedding e = new Embedding(new float[] {1, 2, 3});

        float[] out = e.toArray();
        out[1] = -5;

        assertThat(e.get(1)).isEqualTo(2f);
        assertThat(e.toArray()).containsExactly(1, 2, 3);
        assertThat(e.dimensions()).isEqualTo(3);
    }
}
