package dev.loci.runtime.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filtered search over the int8 index against a brute-force scan of the filter's predicate. */
class FilteredSearchPropertyTest {
    private static final int DIMENSIONS = 32;
    private static final List<String> LABELS = List.of("mug", "chair", "bottle", "apple", "book");

    record Entry(int order, SemanticItem item, float[] vector) {
    }

    @Test
    void filteredSearchMatchesBruteForceForRandomFilters() {
        Random random = new Random(42);
        VectorIndex index = new VectorIndex(DIMENSIONS);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Entry entry = new Entry(i, randomItem(random, i), randomVector(random));
            entries.add(entry);
            index.put(entry.item(), entry.vector());
        }
        // Objects seen again move in time and space; the index and the reference must agree afterwards too.
        for (int i = 0; i < 300; i++) {
            int n = random.nextInt(entries.size());
            Entry e = entries.get(n);
            SemanticItem moved = new SemanticItem(e.item().key(), robot(random), Timestamp.ofSeconds(random.nextInt(1000)),
                    Optional.of(position(random)), e.item().label(), e.item().text());
            index.update(moved.key(), moved.robot(), moved.time(), moved.position());
            entries.set(n, new Entry(e.order(), moved, e.vector()));
        }

        for (int trial = 0; trial < 300; trial++) {
            VectorFilter filter = randomFilter(random);
            float[] query = randomVector(random);
            int k = 1 + random.nextInt(20);

            List<Hit> hits = index.searchExact(query, filter, k);

            List<Hit> expected = bruteForce(entries, query, filter, k);
            assertThat(hits).extracting(h -> h.item().key()).containsExactlyElementsOf(
                    expected.stream().map(h -> h.item().key()).toList());
            assertThat(hits).extracting(Hit::score).containsExactlyElementsOf(
                    expected.stream().map(Hit::score).toList());
            assertThat(hits).allSatisfy(h -> assertThat(filter.accepts(h.item())).isTrue());
            // Below the sketch threshold the default search is the exact one.
            assertThat(index.search(query, filter, k)).isEqualTo(hits);
        }
    }

    @Test
    void unknownRobotOrLabelMatchesNothing() {
        Random random = new Random(1);
        VectorIndex index = new VectorIndex(DIMENSIONS);
        for (int i = 0; i < 50; i++) {
            index.put(randomItem(random, i), randomVector(random));
        }

        assertThat(index.searchExact(randomVector(random), VectorFilter.ANY.ofRobots(Set.of(RobotId.of("nobody"))), 5))
                .isEmpty();
        assertThat(index.searchExact(randomVector(random), VectorFilter.ANY.withLabels(Set.of("piano")), 5)).isEmpty();
        assertThat(index.searchExact(randomVector(random), VectorFilter.ANY, 5)).hasSize(5);
    }

    static List<Hit> bruteForce(List<Entry> entries, float[] query, VectorFilter filter, int k) {
        Int8Vector q = Int8Vector.quantize(query);
        record Scored(Entry entry, float score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries) {
            if (filter.accepts(e.item())) {
                scored.add(new Scored(e, Int8Vector.quantize(e.vector()).dot(q)));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(s -> s.entry().order()));
        return scored.stream().limit(k).map(s -> new Hit(s.entry().item(), s.score())).toList();
    }

    private static SemanticItem randomItem(Random random, int i) {
        ItemKind kind = ItemKind.values()[random.nextInt(ItemKind.values().length)];
        Optional<Vec3> position = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(position(random));
        return new SemanticItem(new ItemKey(kind, i + 1), robot(random), Timestamp.ofSeconds(random.nextInt(1000)),
                position, LABELS.get(random.nextInt(LABELS.size())), "item " + i);
    }

    private static RobotId robot(Random random) {
        return RobotId.of("robot_" + random.nextInt(6));
    }

    private static Vec3 position(Random random) {
        return new Vec3(random.nextDouble() * 20, random.nextDouble() * 20, random.nextDouble() * 2);
    }

    private static VectorFilter randomFilter(Random random) {
        VectorFilter filter = VectorFilter.ANY;
        if (random.nextBoolean()) {
            Set<RobotId> robots = new HashSet<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                robots.add(RobotId.of("robot_" + random.nextInt(7))); // robot_6 never seen
            }
            filter = filter.ofRobots(robots);
        }
        if (random.nextBoolean()) {
            int from = random.nextInt(1000);
            filter = filter.between(Timestamp.ofSeconds(from), Timestamp.ofSeconds(from + random.nextInt(400)));
        }
        if (random.nextInt(3) == 0) {
            Vec3 corner = position(random);
            filter = filter.within(new Aabb(corner, corner.plus(new Vec3(8, 8, 2))));
        }
        if (random.nextInt(3) == 0) {
            filter = filter.withLabels(Set.of(LABELS.get(random.nextInt(LABELS.size())), "piano"));
        }
        if (random.nextInt(3) == 0) {
            filter = filter.ofKinds(Set.of(ItemKind.values()[random.nextInt(ItemKind.values().length)]));
        }
        return filter;
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
