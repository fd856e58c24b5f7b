package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.embedding.HashingEmbedder;
import dev.loci.spatial.embedding.Int8Vector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedVectorsTest {
    private static final int DIMENSIONS = 48;

    @Test
    void scoresEveryRangeExactlyAsTheIntegerDotProductOfTheQuantizedVectors() {
        scoresEveryRangeExactly(QuantizedVectors.BLOCK);
    }

    @Test
    void aStoreOfWideBlocksScoresEveryRangeExactlyToo() {
        scoresEveryRangeExactly(QuantizedVectors.WIDE);
    }

    private static void scoresEveryRangeExactly(int block) {
        Random random = new Random(7);
        float[][] vectors = new float[2500][];
        QuantizedVectors store = new QuantizedVectors(DIMENSIONS, block);
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = random(random, 0.3);
            assertThat(store.add(vectors[i])).isEqualTo(i);
            if (i == 0 || i == 37 || i == 64 || i == 700 || i == vectors.length - 1) {
                // every page size on the way: the small first page changes its block width as it grows
                float[] query = random(random, 0.2);
                assertRangesMatch(store, vectors, i + 1, query, random);
            }
        }
        assertRangesMatch(store, vectors, vectors.length, random(random, 1.0), random); // a dense query
    }

    @Test
    void theSparseStoreScoresEveryRangeBitForBitAsTheDenseOne() {
        Random random = new Random(11);
        QuantizedVectors dense = new QuantizedVectors(DIMENSIONS);
        SparseQuantizedVectors sparse = new SparseQuantizedVectors(DIMENSIONS);
        for (int i = 0; i < 2300; i++) {
            float[] vector = random(random, i % 3 == 0 ? 1.0 : 0.1);
            dense.add(vector);
            assertThat(sparse.add(vector)).isEqualTo(i);
        }
        assertThat(sparse.size()).isEqualTo(2300);
        for (double density : new double[] {0.1, 1.0}) {
            QuantizedVectors.Query query = QuantizedVectors.query(random(random, density));
            for (int trial = 0; trial < 40; trial++) {
                int from = random.nextInt(2300);
                int to = from + 1 + random.nextInt(Math.min(2300 - from, 1500));
                float[] expected = new float[to - from];
                float[] actual = new float[to - from];
                dense.dotRange(query, from, to, expected);
                sparse.dotRange(query, from, to, actual);
                assertThat(actual).as("[%d, %d)", from, to).containsExactly(expected);
            }
        }
    }

    @Test
    void aLexicalQuerySkipsTheDimensionsItDoesNotUse() {
        HashingEmbedder embedder = new HashingEmbedder(256);
        QuantizedVectors.Query query = QuantizedVectors.query(embedder.embed("where did I see the red mug").toArray());
        assertThat(query.nonZeroDimensions()).isBetween(5, 20);
    }

    private static void assertRangesMatch(QuantizedVectors store, float[][] vectors, int size, float[] query,
                                          Random random) {
        QuantizedVectors.Query quantized = QuantizedVectors.query(query);
        Int8Vector q = Int8Vector.quantize(query);
        for (int trial = 0; trial < 40; trial++) {
            int from = random.nextInt(size);
            int to = from + 1 + random.nextInt(Math.min(size - from, 300));
            float[] out = new float[to - from];
            store.dotRange(quantized, from, to, out);
            for (int i = from; i < to; i++) {
                Int8Vector v = Int8Vector.quantize(vectors[i]);
                int dot = 0;
                for (int d = 0; d < DIMENSIONS; d++) {
                    dot += v.get(d) * q.get(d);
                }
                assertThat(out[i - from]).as("vector %d of [%d, %d)", i, from, to)
                        .isEqualTo(dot * v.scale() * q.scale());
            }
        }
    }

    /** A random vector where each element is non-zero with the given probability (at least one is). */
    private static float[] random(Random random, double density) {
        float[] vector = new float[DIMENSIONS];
        vector[random.nextInt(DIMENSIONS)] = 1;
        for (int d = 0; d < DIMENSIONS; d++) {
            if (random.nextDouble() < density) {
                vector[d] = (float) random.nextGaussian();
            }
        }
        return vector;
    }
}
