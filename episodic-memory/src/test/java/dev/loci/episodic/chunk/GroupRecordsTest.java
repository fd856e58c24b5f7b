package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.synthetic.RecallQueries;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GroupRecordsTest {
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);

    /**
     * Level 3 reads a key's episodes, ids and labels from its session's record. Before the records, it read the
     * key's members from {@link SessionKeys}' member arrays, the ids from the episode nodes, a task key's scores
     * from its episodes' int8 vectors and an objects-seen key's from each episode's labels: recomputed that way
     * here, every key of every session (closed and open) must give the same episodes in the same order with
     * the same scores, bit for bit.
     */
    @Test
    void everyKeyScoresItsEpisodesBitForBitAsTheSeparateArraysDidOnASyntheticHistory() {
        SyntheticHistory generator = new SyntheticHistory(7, 0.05, 2);
        SyntheticHistory.History history = generator.take(30_000);
        ChunkMemory memory = new ChunkMemory(new TreeMap<>(), new TreeMap<>(), EMBEDDER, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        history.events().forEach(memory::observe);
        List<String> questions = new ArrayList<>(RecallQueries.aboutSightings(generator.sightings(), 15, 6));
        questions.addAll(RecallQueries.aboutTasks(generator.recallableTasks(), 15, 5));
        int taskGroups = 0;
        int seenGroups = 0;
        int aboveZero = 0;
        for (String question : questions) {
            QuantizedVectors.Query query = QuantizedVectors.query(EMBEDDER.embed(question).toArray());
            float[] labelScores = memory.objectLabels().scores(query).scores();
            for (RobotChunks robot : memory.indexedRobots()) {
                List<SessionNode> sessions = new ArrayList<>(robot.sessions);
                SessionNode open = robot.openSessionNode();
                if (open != null) {
                    sessions.add(open);
                }
                for (SessionNode session : sessions) {
                    int size = session.episodes.size();
                    float[] scores = new float[size];
                    int[] positions = new int[size];
                    long[] ids = new long[size];
                    SessionKeys.Keys keys = SessionKeys.of(session.episodes, EMBEDDER.dimensions());
                    assertThat(session.keyCount()).isEqualTo(keys.members().length);
                    assertThat(session.taskKeyCount()).isEqualTo(keys.taskKeys());
                    for (int k = 0; k < keys.members().length; k++) {
                        int[] members = keys.members()[k];
                        float[] expected = new float[members.length];
                        if (k < keys.taskKeys()) {
                            QuantizedVectors grouped = new QuantizedVectors(EMBEDDER.dimensions());
                            for (int position : members) {
                                grouped.add(session.episodes.get(position).vector());
                            }
                            grouped.dotRange(query, 0, members.length, expected);
                            taskGroups++;
                        } else {
                            for (int m = 0; m < members.length; m++) {
                                expected[m] = ObjectLabels.best(labelScores, session.episodes.get(members[m]).labels);
                            }
                            seenGroups++;
                        }
                        int n = session.scoreGroup(k, query, labelScores, scores, positions, ids);
                        assertThat(n).isEqualTo(members.length);
                        for (int m = 0; m < n; m++) {
                            assertThat(positions[m]).isEqualTo(members[m]);
                            assertThat(ids[m]).isEqualTo(session.episodes.get(members[m]).chunkId);
                            assertThat(Float.floatToRawIntBits(scores[m])).as("key %d of %s", k, question)
                                    .isEqualTo(Float.floatToRawIntBits(expected[m]));
                            aboveZero += expected[m] > 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(taskGroups).isGreaterThan(1000);
        assertThat(seenGroups).isGreaterThan(1000);
        assertThat(aboveZero).isPositive();
    }
}
