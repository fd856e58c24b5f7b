package dev.loci.runtime.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A search over the sketch clusters nearest the query ({@link SignPartitions}) must find what is there: items
 * added after the clusters were fitted, items whose vector was replaced, items written while the clusters were
 * being fitted on another thread, and only items a filter accepts. Vectors here are drawn around 40 topics, so
 * the clusters mean something (recall on real model vectors is in {@code QuantizedRecallTest}).
 */
class PartitionedSearchTest {
    private static final int DIMENSIONS = 384;
    private static final int TOPICS = 40;

    private final Random random = new Random(11);
    private final float[][] topics = new float[TOPICS][];

    PartitionedSearchTest() {
        for (int t = 0; t < TOPICS; t++) {
            topics[t] = unit(gaussian(1.0));
        }
    }

    @Test
    void findsEveryItemByItsOwnVectorOnceTheClustersAreFitted() {
        VectorIndex index = partitionedIndex(Runnable::run);
        List<float[]> vectors = fill(index, 0, 6_000);

        index.search(vectors.get(0), VectorFilter.ANY, 10); // the first search asks for the clusters

        assertThat(index.partitioned()).isTrue();
        assertFindsEachByItsOwnVector(index, vectors, 0, 6_000);
    }

    @Test
    void findsItemsAddedAfterTheClustersWereFitted() {
        VectorIndex index = partitionedIndex(Runnable::run);
        List<float[]> vectors = new ArrayList<>(fill(index, 0, 4_000));
        index.search(vectors.get(0), VectorFilter.ANY, 10);
        assertThat(index.partitioned()).isTrue();

        vectors.addAll(fill(index, 4_000, 3_000)); // under twice the fitted size: assigned, not refitted

        assertFindsEachByItsOwnVector(index, vectors, 4_000, 7_000);
    }

    @Test
    void findsAnItemByItsNewVectorAfterTheVectorIsReplaced() {
        VectorIndex index = partitionedIndex(Runnable::run);
        List<float[]> vectors = fill(index, 0, 6_000);
        index.search(vectors.get(0), VectorFilter.ANY, 10);
        assertThat(index.partitioned()).isTrue();

        float[] moved = around(topics[(topicOf(17) + TOPICS / 2) % TOPICS]);
        index.put(item(17), moved);

        assertThat(index.search(moved, VectorFilter.ANY, 10).get(0).item().key().id()).isEqualTo(17);
        assertThat(index.search(vectors.get(17), VectorFilter.ANY, 10))
                .noneMatch(hit -> hit.item().key().id() == 17 && hit.score() > 0.9);
    }

    @Test
    void answersFromEverySketchUntilTheBackgroundFitIsDoneAndAsksForItOnce() {
        List<Runnable> queued = new ArrayList<>();
        VectorIndex index = partitionedIndex(queued::add);
        List<float[]> vectors = fill(index, 0, 6_000);

        assertFindsEachByItsOwnVector(index, vectors, 0, 300);

        assertThat(index.partitioned()).isFalse();
        assertThat(queued).as("one fit asked for, however many searches").hasSize(1);
        queued.get(0).run();
        assertThat(index.partitioned()).isTrue();
        assertFindsEachByItsOwnVector(index, vectors, 0, 300);
    }

    @Test
    void refitsOnceTheIndexHasDoubledSinceTheLastFit() {
        List<Runnable> queued = new ArrayList<>();
        VectorIndex index = partitionedIndex(queued::add);
        List<float[]> vectors = new ArrayList<>(fill(index, 0, 3_000));
        index.search(vectors.get(0), VectorFilter.ANY, 10);
        queued.remove(0).run();

        vectors.addAll(fill(index, 3_000, 2_999));
        index.search(vectors.get(0), VectorFilter.ANY, 10);
        assertThat(queued).as("still under twice the fitted size").isEmpty();
        vectors.addAll(fill(index, 5_999, 1));
        index.search(vectors.get(0), VectorFilter.ANY, 10);

        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertFindsEachByItsOwnVector(index, vectors, 0, 6_000);
    }

    @Test
    void findsItemsWrittenWhileTheClustersWereFittedOnAnotherThread() throws Exception {
        ExecutorService trainer = Executors.newSingleThreadExecutor();
        try {
            VectorIndex index = partitionedIndex(trainer);
            List<float[]> vectors = new ArrayList<>(fill(index, 0, 5_000));
            index.search(vectors.get(0), VectorFilter.ANY, 10); // the fit starts on the trainer's thread
            vectors.addAll(fill(index, 5_000, 3_000)); // ... while these arrive
            for (int id = 0; id < 500; id++) { // ... and these change
                float[] replaced = around(topics[(topicOf(id) + 1) % TOPICS]);
                index.put(item(id), replaced);
                vectors.set(id, replaced);
            }

            trainer.shutdown();
            assertThat(trainer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(index.partitioned()).isTrue();
            assertFindsEachByItsOwnVector(index, vectors, 0, 8_000);
        } finally {
            trainer.shutdownNow();
        }
    }

    @Test
    void returnsOnlyWhatTheFilterAcceptsFromTheNearestClusters() {
        VectorIndex index = partitionedIndex(Runnable::run);
        List<float[]> vectors = fill(index, 0, 6_000);
        index.search(vectors.get(0), VectorFilter.ANY, 10);
        VectorFilter robotTwo = VectorFilter.ANY.ofRobots(Set.of(RobotId.of("robot_2")));

        for (int id = 0; id < 400; id++) {
            List<Hit> hits = index.search(vectors.get(id), robotTwo, 10);

            assertThat(hits).hasSize(10).allSatisfy(hit -> assertThat(hit.item().robot()).isEqualTo(RobotId.of("robot_2")));
            if (id % 4 == 2) {
                assertThat(hits.get(0).item().key().id()).as("item %d under its own robot's filter", id).isEqualTo(id);
            }
        }
    }

    @Test
    void findsEveryCopyOfAVectorSharedByManyItemsWithItsExactScore() {
        VectorIndex index = partitionedIndex(Runnable::run);
        List<float[]> vectors = fill(index, 0, 4_000);
        for (int id = 4_000; id < 6_000; id++) { // each of 200 texts seen ten times more
            index.put(item(id), vectors.get(id % 200));
        }
        index.search(vectors.get(0), VectorFilter.ANY, 10);
        assertThat(index.partitioned()).isTrue();

        for (int text = 0; text < 200; text++) {
            List<Hit> hits = index.search(vectors.get(text), VectorFilter.ANY, 11);
            List<Hit> exact = index.searchExact(vectors.get(text), VectorFilter.ANY, 11);

            int source = text;
            assertThat(hits).as("text %d", text).hasSize(11)
                    .allSatisfy(hit -> assertThat(hit.item().key().id() % 200).isEqualTo(source % 200));
            assertThat(hits.stream().map(Hit::score).toList()).isEqualTo(exact.stream().map(Hit::score).toList());
        }
    }

    /** Sketch, clusters and rescoring from the first candidate on; 10 rescored per result asked for. */
    private static VectorIndex partitionedIndex(java.util.concurrent.Executor trainer) {
        return new VectorIndex(DIMENSIONS, 0, 10, 0, trainer);
    }

    private List<float[]> fill(VectorIndex index, int firstId, int count) {
        List<float[]> vectors = new ArrayList<>(count);
        for (int id = firstId; id < firstId + count; id++) {
            float[] vector = around(topics[topicOf(id)]);
            index.put(item(id), vector);
            vectors.add(vector);
        }
        return vectors;
    }

    /**
     * Each item searched by its own vector comes first, but for at most 1 in 200: the clusters are ranked by the
     * query's int8 dot product with their mean signs, an item is placed by its sign vector, and the two can
     * disagree for an item near the border of two clusters when its own cluster falls outside the fifth read.
     */
    private static void assertFindsEachByItsOwnVector(VectorIndex index, List<float[]> vectors, int from, int to) {
        List<Integer> missed = new ArrayList<>();
        for (int id = from; id < to; id++) {
            List<Hit> hits = index.search(vectors.get(id), VectorFilter.ANY, 10);
            if (hits.get(0).item().key().id() != id) {
                missed.add(id);
            }
        }
        System.out.printf("own vector not first for %d of %d items%n", missed.size(), to - from);
        assertThat(missed).as("items not first by their own vector").hasSizeLessThanOrEqualTo((to - from) / 200);
    }

    private static int topicOf(int id) {
        return id * 7 % TOPICS;
    }

    private static SemanticItem item(long id) {
        return new SemanticItem(new ItemKey(ItemKind.OBJECT, id), RobotId.of("robot_" + id % 4),
                Timestamp.ofSeconds(id), Optional.empty(), "thing", "item " + id);
    }

    /** A unit vector near {@code topic}: about as near as two MiniLM texts on one subject. */
    private float[] around(float[] topic) {
        float[] noise = gaussian(0.06);
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = topic[i] + noise[i];
        }
        return unit(v);
    }

    private float[] gaussian(double sigma) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }
}
