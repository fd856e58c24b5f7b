package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.synthetic.RecallQueries;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SeenKeysTest {
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);

    @Test
    void everyKeyScoresBitForBitAsItsBestLabelOnASyntheticHistory() {
        SyntheticHistory generator = new SyntheticHistory(5, 0.05, 2);
        SyntheticHistory.History history = generator.take(20_000);
        ObjectLabels labels = new ObjectLabels(EMBEDDER, new SummaryWriter(history.labels()::get));
        SeenKeys keys = new SeenKeys();
        List<int[]> keyLabels = new ArrayList<>();
        // keys as sessions make them: the distinct labels of the objects seen over a run of events
        TreeSet<Integer> seen = new TreeSet<>();
        int events = 0;
        for (StoredEvent stored : history.events()) {
            for (long object : stored.event().objects()) {
                seen.add(labels.index(history.labels().get(object)));
            }
            if (++events % 7 == 0 && !seen.isEmpty()) {
                int[] set = seen.stream().mapToInt(Integer::intValue).toArray();
                assertThat(keys.add(set)).isEqualTo(keyLabels.size());
                keyLabels.add(set);
                seen.clear();
            }
        }
        assertThat(keys.size()).isGreaterThan(1000);
        List<String> questions = new ArrayList<>(RecallQueries.aboutSightings(generator.sightings(), 40, 6));
        questions.addAll(RecallQueries.aboutTasks(generator.recallableTasks(), 20, 5));
        float[] out = new float[keys.size()];
        int[] hits = new int[keys.size()];
        int keysAboveZero = 0;
        for (String question : questions) {
            ObjectLabels.Scores scores = labels.scores(QuantizedVectors.query(EMBEDDER.embed(question).toArray()));
            assertThat(scores.nonZeroCount()).isLessThan(labels.size()); // most labels share no word with it
            keys.best(scores.scores(), scores.nonZero(), scores.nonZeroCount(), out, hits);
            for (int k = 0; k < keys.size(); k++) {
                float expected = ObjectLabels.best(scores.scores(), keyLabels.get(k));
                assertThat(Float.floatToRawIntBits(out[k])).as("key %d of %s", k, question)
                        .isEqualTo(Float.floatToRawIntBits(expected));
                keysAboveZero += expected > 0 ? 1 : 0;
            }
        }
        assertThat(keysAboveZero).isPositive();
    }

    @Test
    void aKeyWhoseLabelsAllScoreBelowZeroKeepsItsBestNegativeScore() {
        SeenKeys keys = new SeenKeys();
        keys.add(new int[] {0, 2});
        keys.add(new int[] {1, 2});
        keys.add(new int[] {3});
        float[] scores = {-0.5f, 0f, -0.25f, 0.75f};
        float[] out = new float[3];
        keys.best(scores, new int[] {0, 2, 3}, 3, out, new int[3]);
        assertThat(out).containsExactly(-0.25f, 0f, 0.75f);
    }
}
