package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.synthetic.RecallQueries;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PostingVectorsTest {
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);

    @Test
    void theObjectLabelsOfASyntheticHistoryScoreBitForBitAsInTheDenseStore() {
        SyntheticHistory generator = new SyntheticHistory(9, 0.05, 2);
        SyntheticHistory.History history = generator.take(20_000);
        PostingVectors postings = new PostingVectors(256);
        QuantizedVectors dense = new QuantizedVectors(256);
        for (String label : new TreeSet<>(history.labels().values())) {
            float[] vector = EMBEDDER.embed(label).toArray();
            assertThat(postings.add(vector)).isEqualTo(dense.add(vector));
        }
        assertThat(postings.size()).isGreaterThan(300); // 377 distinct labels
        List<String> questions = new ArrayList<>(RecallQueries.aboutSightings(generator.sightings(), 30, 6));
        questions.addAll(RecallQueries.aboutTasks(generator.recallableTasks(), 10, 5));
        int nonZero = 0;
        for (String question : questions) {
            nonZero += assertSameScores(postings, dense, QuantizedVectors.query(EMBEDDER.embed(question).toArray()));
        }
        assertThat(nonZero).isPositive();
    }

    @Test
    void denseAndNegativeVectorsAndQueriesScoreAsInTheDenseStore() {
        Random random = new Random(3);
        PostingVectors postings = new PostingVectors(40);
        QuantizedVectors dense = new QuantizedVectors(40);
        for (int i = 0; i < 700; i++) {
            float[] vector = new float[40];
            double density = i % 5 == 0 ? 1.0 : 0.1;
            for (int d = 0; d < vector.length; d++) {
                vector[d] = random.nextDouble() < density ? (float) random.nextGaussian() : 0f;
            }
            postings.add(vector);
            dense.add(vector);
        }
        float[] query = new float[40];
        for (int d = 0; d < query.length; d++) {
            query[d] = (float) random.nextGaussian();
        }
        assertSameScores(postings, dense, QuantizedVectors.query(query));
    }

    /** Asserts every score is the dense store's, bit for bit; returns how many are not 0. */
    private static int assertSameScores(PostingVectors postings, QuantizedVectors dense, QuantizedVectors.Query query) {
        float[] expected = new float[dense.size()];
        dense.dotRange(query, 0, dense.size(), expected);
        float[] actual = new float[postings.size()];
        postings.dotAll(query, actual, new int[postings.size()]);
        int nonZero = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i])).as("vector %d", i)
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
            nonZero += expected[i] != 0 ? 1 : 0;
        }
        return nonZero;
    }
}
