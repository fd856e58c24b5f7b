package dev.loci.runtime.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Many items sharing one text (a thousand "mug"s, a heartbeat logged every second) have one vector. The sign
 * sketch must count such copies once, or they fill its rescoring budget and the best distinct match is never
 * scored.
 */
class SketchDuplicatesTest {
    private static final int DIMENSIONS = 384;

    @Test
    void copiesOfOneVectorDoNotCrowdTheBestMatchOutOfTheSketch() {
        Random random = new Random(5);
        float[] query = unit(gaussian(random));
        // Same signs as the query everywhere (sketch distance 0) but a flat profile: a mediocre exact score.
        float[] copy = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            copy[i] = Math.signum(query[i]);
        }
        copy = unit(copy);
        // The query with its smallest 30% of components flipped: farther in the sketch, best by exact score.
        float[] best = query.clone();
        Integer[] order = new Integer[DIMENSIONS];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> Math.abs(query[i])));
        for (int i = 0; i < DIMENSIONS * 3 / 10; i++) {
            best[order[i]] = -best[order[i]];
        }
        best = unit(best);

        VectorIndex index = new VectorIndex(DIMENSIONS, 1_000, 200);
        long id = 0;
        for (int i = 0; i < 5_000; i++) {
            index.put(item(id++, "heartbeat, battery 0.92"), copy);
        }
        for (int i = 0; i < 3_000; i++) {
            index.put(item(id++, "random " + i), unit(gaussian(random)));
        }
        long bestId = id;
        index.put(item(bestId, "the one we want"), best);
        assertThat(dot(best, query)).as("the best match's exact score").isGreaterThan(dot(copy, query));

        var hits = index.search(query, VectorFilter.ANY, 10);

        assertThat(hits.get(0).item().key().id()).as("best match found through the sketch").isEqualTo(bestId);
        assertThat(hits.get(0).item().key().id())
                .isEqualTo(index.searchExact(query, VectorFilter.ANY, 10).get(0).item().key().id());
    }

    @Test
    void copiesScoreAsTheirOwnVectorAfterTheVectorTheyCopiedIsReplaced() {
        Random random = new Random(8);
        float[] shared = unit(gaussian(random));
        float[] query = unit(gaussian(random));
        VectorIndex index = new VectorIndex(DIMENSIONS, 100, 5);
        long id = 0;
        for (int i = 0; i < 1_000; i++) { // even slots copy slot 0; interleaved, so no word of slots is all copies
            index.put(item(id++, i % 2 == 0 ? "shared" : "random " + i), i % 2 == 0 ? shared : unit(gaussian(random)));
        }
        index.put(item(0, "now the query itself"), query); // slot 0 rewritten: its copies keep the old vector

        var sketched = index.search(query, VectorFilter.ANY, 10);
        Map<Long, Double> exact = new HashMap<>();
        index.searchExact(query, VectorFilter.ANY, 1_000).forEach(hit -> exact.put(hit.item().key().id(), hit.score()));

        assertThat(sketched.get(0).item().key().id()).isZero();
        for (var hit : sketched) { // each item scored as its own vector, not as the one slot 0 used to hold
            assertThat(hit.score()).as("item %d", hit.item().key().id()).isEqualTo(exact.get(hit.item().key().id()));
        }
        var copies = index.search(shared, VectorFilter.ANY, 10);
        Map<Long, Double> exactCopies = new HashMap<>();
        index.searchExact(shared, VectorFilter.ANY, 1_000).forEach(hit -> exactCopies.put(hit.item().key().id(),
                hit.score()));
        assertThat(copies).hasSize(10).allSatisfy(hit -> {
            assertThat(hit.item().key().id() % 2).as("a copy of the shared vector: %s", hit).isZero();
            assertThat(hit.item().key().id()).isNotZero();
            assertThat(hit.score()).isEqualTo(exactCopies.get(hit.item().key().id()));
        });
    }

    private static SemanticItem item(long id, String text) {
        return new SemanticItem(new ItemKey(ItemKind.EVENT, id), RobotId.of("robot_1"), Timestamp.ofSeconds(id),
                Optional.empty(), "event", text);
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
