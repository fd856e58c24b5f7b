package dev.loci.spatial.objects;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectMemoryTest {
    private static final RobotId ROBOT = RobotId.of("tb3");
    private static final Vec3 BOX_SIZE = new Vec3(0.1, 0.1, 0.12);
    private static final double SIGMA = 0.05;

    private CountingStore store;
    private ObjectMemory memory;
    private final ConcurrentSkipListMap<long[], ObjectState> versions =
            new ConcurrentSkipListMap<>(java.util.Arrays::compare);
    private long nextObservationId;
    private long clock;

    /** A ConcurrentSkipListMap that counts the writes to each key. */
    static final class CountingStore extends ConcurrentSkipListMap<Long, RememberedObject> {
        final Map<Long, Integer> puts = new HashMap<>();

        @Override
        public RememberedObject put(Long key, RememberedObject value) {
            puts.merge(key, 1, Integer::sum);
            return super.put(key, value);
        }
    }

    @BeforeEach
    void setUp() {
        store = new CountingStore();
        memory = new ObjectMemory(store, versions, FusionSettings.DEFAULT);
        nextObservationId = 1;
        clock = 1_000;
    }

    private Observation seen(String label, Vec3 center, double confidence) {
        clock += 1_000_000;
        return Observation.of(ROBOT, Timestamp.ofNanos(clock), "camera", Pose.IDENTITY, label,
                Aabb.centered(center, BOX_SIZE), confidence);
    }

    private FusionResult fuse(String label, Vec3 center) {
        return memory.fuse(nextObservationId++, seen(label, center, 0.8));
    }

    private static Vec3 noisy(Random random, Vec3 truth) {
        return new Vec3(truth.x() + random.nextGaussian() * SIGMA, truth.y() + random.nextGaussian() * SIGMA,
                truth.z() + random.nextGaussian() * SIGMA);
    }

    @Test
    void fusesManyNoisyObservationsOfOneObjectIntoOne() {
        Random random = new Random(7);
        Vec3 truth = new Vec3(2.0, -1.5, 0.8);
        int n = 300;
        List<Observation> observations = new ArrayList<>();
        FusionResult last = null;
        for (int i = 0; i < n; i++) {
            Observation o = seen("cup", noisy(random, truth), 0.5 + random.nextDouble() / 2);
            observations.add(o);
            last = memory.fuse(i + 1, o);
        }

        assertThat(memory.size()).isEqualTo(1);
        RememberedObject cup = memory.get(last.object().id()).orElseThrow();
        assertThat(cup).isEqualTo(last.object());
        assertThat(cup.position().distanceTo(truth)).isLessThan(0.03);
        assertThat(cup.observationCount()).isEqualTo(n);
        assertThat(cup.version()).isEqualTo(n);
        assertThat(cup.label()).isEqualTo("cup");
        assertThat(cup.size().distanceTo(BOX_SIZE)).isLessThan(1e-9);
        assertThat(cup.confidence()).as("belief rises toward 1 with every sighting").isGreaterThan(0.99);
        assertThat(cup.lastSeenAt()).isEqualTo(observations.get(n - 1).box().center());
        assertThat(cup.firstSeen()).isEqualTo(observations.get(0).provenance());
        assertThat(cup.lastSeen()).isEqualTo(observations.get(n - 1).provenance());
        assertThat(cup.lastObservation()).isEqualTo(n);
    }

    @Test
    void positionIsTheRunningMeanOfObservedCentres() {
        fuse("cup", new Vec3(0, 0, 0));
        fuse("cup", new Vec3(0.3, 0, 0));
        RememberedObject cup = fuse("cup", new Vec3(0, 0.3, 0.3)).object();

        assertThat(cup.position().distanceTo(new Vec3(0.1, 0.1, 0.1))).isLessThan(1e-12);
    }

    @Test
    void versionIncrementsPerFusedObservation() {
        Random random = new Random(11);
        long id = -1;
        for (int i = 0; i < 25; i++) {
            FusionResult result = fuse("bottle", noisy(random, new Vec3(1, 1, 1)));

            assertThat(result.created()).isEqualTo(i == 0);
            assertThat(result.object().version()).isEqualTo(i + 1);
            assertThat(result.object().observationCount()).isEqualTo(i + 1);
            if (i == 0) {
                id = result.object().id();
            }
            assertThat(result.object().id()).isEqualTo(id);
        }
    }

    @Test
    void keepsTwoSameClassObjectsFartherApartThanTheGateSeparate() {
        Random random = new Random(3);
        Vec3 left = new Vec3(0, 0, 0.7);
        Vec3 right = new Vec3(1.2, 0, 0.7);
        for (int i = 0; i < 100; i++) {
            fuse("cup", noisy(random, left));
            fuse("cup", noisy(random, right));
        }

        List<RememberedObject> cups = memory.ofClass("cup");
        assertThat(cups).hasSize(2);
        assertThat(cups).allSatisfy(c -> assertThat(c.observationCount()).isEqualTo(100));
        assertThat(cups.get(0).position().distanceTo(left)).isLessThan(0.03);
        assertThat(cups.get(1).position().distanceTo(right)).isLessThan(0.03);
    }

    @Test
    void keepsDifferentClassesAtTheSamePlaceSeparate() {
        Vec3 spot = new Vec3(4, 4, 0.9);
        for (int i = 0; i < 20; i++) {
            fuse("cup", spot);
            fuse("mug", spot);
        }

        assertThat(memory.size()).isEqualTo(2);
        assertThat(memory.ofClass("cup")).singleElement()
                .satisfies(c -> assertThat(c.observationCount()).isEqualTo(20));
        assertThat(memory.ofClass("mug")).singleElement()
                .satisfies(c -> assertThat(c.observationCount()).isEqualTo(20));
        assertThat(memory.classes()).containsExactly("cup", "mug");
    }

    @Test
    void gateIsInclusive() {
        RememberedObject first = fuse("cup", new Vec3(0, 0, 0)).object();

        FusionResult atGate = fuse("cup", new Vec3(0.5, 0, 0));

        assertThat(atGate.created()).isFalse();
        assertThat(atGate.object().id()).isEqualTo(first.id());
    }

    @Test
    void observationJustBeyondTheGateCreatesANewObject() {
        fuse("cup", new Vec3(0, 0, 0));

        FusionResult beyond = fuse("cup", new Vec3(0, 0, 0.5000001));

        assertThat(beyond.created()).isTrue();
        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    void fusesIntoTheNearestOfTwoCandidates() {
        RememberedObject a = fuse("cup", new Vec3(0, 0, 0)).object();
        RememberedObject b = fuse("cup", new Vec3(0.8, 0, 0)).object();

        FusionResult result = fuse("cup", new Vec3(0.45, 0, 0));

        assertThat(result.object().id()).isEqualTo(b.id());
        assertThat(memory.get(a.id()).orElseThrow().observationCount()).isEqualTo(1);
    }

    @Test
    void indexFollowsAnObjectAsItsPositionMoves() {
        long id = fuse("box", new Vec3(0, 0, 0)).object().id();
        for (int i = 0; i < 50; i++) {
            fuse("box", new Vec3(0.4, 0, 0));
        }
        Vec3 expected = new Vec3(0.4 * 50 / 51, 0, 0);

        RememberedObject box = memory.get(id).orElseThrow();
        assertThat(box.position().distanceTo(expected)).isLessThan(1e-9);
        assertThat(memory.within(Vec3.ZERO, 0.1)).isEmpty();
        assertThat(memory.within(expected, 1e-6)).containsExactly(box);
        assertThat(memory.nearestOfClass(new Vec3(1, 0, 0), "box", 1)).containsExactly(box);
    }

    @Test
    void mergesAttributesWithTheNewestWinning() {
        memory.fuse(1, seen("cup", Vec3.ZERO, 0.8).withAttributes(Map.of("color", "red")));
        memory.fuse(2, seen("cup", Vec3.ZERO, 0.8).withAttributes(Map.of("size", "big")));
        RememberedObject cup = memory.fuse(3, seen("cup", Vec3.ZERO, 0.8).withAttributes(Map.of("color", "blue")))
                .object();

        assertThat(cup.attributes()).containsExactly(Map.entry("color", "blue"), Map.entry("size", "big"));
    }

    @Test
    void replacesAttributesWhenTheUnionWouldExceedTheLimit() {
        Map<String, String> many = new TreeMap<>();
        Map<String, String> others = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            many.put("a" + i, "x");
            others.put("b" + i, "y");
        }
        memory.fuse(1, seen("cup", Vec3.ZERO, 0.8).withAttributes(many));

        RememberedObject cup = memory.fuse(2, seen("cup", Vec3.ZERO, 0.8).withAttributes(others)).object();

        assertThat(cup.attributes()).isEqualTo(others);
    }

    @Test
    void writesNothingToTheStoreUntilWriteDirty() {
        fuse("cup", new Vec3(1, 1, 0));
        fuse("cup", new Vec3(1, 1, 0));

        assertThat(store).isEmpty();
        assertThat(store.puts).isEmpty();
    }

    @Test
    void writeDirtyWritesEachChangedObjectOnce() {
        Random random = new Random(5);
        long a = fuse("cup", new Vec3(0, 0, 0)).object().id();
        long b = fuse("cup", new Vec3(5, 0, 0)).object().id();
        long c = fuse("chair", new Vec3(0, 5, 0)).object().id();
        for (int i = 0; i < 30; i++) {
            fuse("cup", noisy(random, new Vec3(0, 0, 0)));
            fuse("chair", noisy(random, new Vec3(0, 5, 0)));
        }

        assertThat(memory.writeDirty()).isEqualTo(3);

        assertThat(store.puts).containsOnly(Map.entry(a, 1), Map.entry(b, 1), Map.entry(c, 1));
        for (long id : List.of(a, b, c)) {
            assertThat(store.get(id)).isEqualTo(memory.get(id).orElseThrow());
        }

        assertThat(memory.writeDirty()).as("nothing changed since").isZero();
        assertThat(store.puts).containsOnly(Map.entry(a, 1), Map.entry(b, 1), Map.entry(c, 1));

        fuse("cup", new Vec3(5, 0, 0));
        assertThat(memory.writeDirty()).isEqualTo(1);
        assertThat(store.puts).containsOnly(Map.entry(a, 1), Map.entry(b, 2), Map.entry(c, 1));
        assertThat(store.get(b).observationCount()).isEqualTo(2);
    }

    @Test
    void rebuildsIdenticalObjectsFromTheStoreAndAnswersTheSameQueries() {
        Random random = new Random(13);
        String[] classes = {"cup", "mug", "chair", "book"};
        for (int i = 0; i < 600; i++) {
            Vec3 place = new Vec3(random.nextInt(20) - 10, random.nextInt(20) - 10, random.nextInt(2));
            fuse(classes[random.nextInt(classes.length)], noisy(random, place));
        }
        memory.writeDirty();

        ObjectMemory rebuilt = new ObjectMemory(store, versions, FusionSettings.DEFAULT);

        assertThat(rebuilt.size()).isEqualTo(memory.size()).isGreaterThan(50);
        assertThat(rebuilt.classes()).isEqualTo(memory.classes());
        for (RememberedObject object : store.values()) {
            assertThat(rebuilt.get(object.id())).contains(memory.get(object.id()).orElseThrow());
        }
        for (String label : classes) {
            assertThat(rebuilt.ofClass(label)).isEqualTo(memory.ofClass(label));
        }
        for (int q = 0; q < 100; q++) {
            Vec3 center = new Vec3(random.nextDouble() * 24 - 12, random.nextDouble() * 24 - 12, random.nextDouble());
            double radius = random.nextDouble() * 6;
            int k = 1 + random.nextInt(10);
            String label = classes[random.nextInt(classes.length)];
            assertThat(rebuilt.within(center, radius)).isEqualTo(memory.within(center, radius));
            assertThat(rebuilt.nearest(center, k)).isEqualTo(memory.nearest(center, k));
            assertThat(rebuilt.nearestOfClass(center, label, k)).isEqualTo(memory.nearestOfClass(center, label, k));
        }
    }

    @Test
    void rebuiltMemoryContinuesIdsAndVersions() {
        RememberedObject cup = fuse("cup", new Vec3(1, 1, 0)).object();
        fuse("cup", new Vec3(1, 1, 0));
        RememberedObject chair = fuse("chair", new Vec3(3, 3, 0)).object();
        memory.writeDirty();

        ObjectMemory rebuilt = new ObjectMemory(store, versions, FusionSettings.DEFAULT);
        FusionResult again = rebuilt.fuse(nextObservationId++, seen("cup", new Vec3(1, 1, 0), 0.8));
        FusionResult fresh = rebuilt.fuse(nextObservationId++, seen("lamp", new Vec3(9, 9, 0), 0.8));

        assertThat(again.created()).isFalse();
        assertThat(again.object().id()).isEqualTo(cup.id());
        assertThat(again.object().version()).isEqualTo(3);
        assertThat(fresh.created()).isTrue();
        assertThat(fresh.object().id()).isEqualTo(chair.id() + 1);
    }

    @Test
    void rebuildSeesOnlyWrittenObjects() {
        fuse("cup", new Vec3(1, 1, 0));
        memory.writeDirty();
        fuse("chair", new Vec3(3, 3, 0));

        ObjectMemory rebuilt = new ObjectMemory(store, versions, FusionSettings.DEFAULT);

        assertThat(rebuilt.size()).isEqualTo(1);
        assertThat(rebuilt.classes()).containsExactly("cup");
    }

    /** cup1 (0,0,0), cup2 (3,0,0), cup3 (-1,1,0), mug (0.5,0,0), chair (10,10,0), created in that order. */
    private List<RememberedObject> scene() {
        List<RememberedObject> scene = new ArrayList<>();
        scene.add(fuse("cup", new Vec3(0, 0, 0)).object());
        scene.add(fuse("cup", new Vec3(3, 0, 0)).object());
        scene.add(fuse("cup", new Vec3(-1, 1, 0)).object());
        scene.add(fuse("mug", new Vec3(0.5, 0, 0)).object());
        scene.add(fuse("chair", new Vec3(10, 10, 0)).object());
        return scene;
    }

    @Test
    void nearestOfClassReturnsUpToKOfThatClassNearestFirst() {
        List<RememberedObject> s = scene();
        Vec3 center = new Vec3(0.4, 0, 0);

        assertThat(memory.nearestOfClass(center, "cup", 2)).containsExactly(s.get(0), s.get(2));
        assertThat(memory.nearestOfClass(center, "cup", 10)).containsExactly(s.get(0), s.get(2), s.get(1));
        assertThat(memory.nearestOfClass(new Vec3(2.5, 0, 0), "cup", 1)).containsExactly(s.get(1));
        assertThat(memory.nearestOfClass(center, "mug", 3)).containsExactly(s.get(3));
        assertThat(memory.nearestOfClass(center, "sofa", 3)).isEmpty();
        assertThat(memory.nearestOfClass(center, "cup", 0)).isEmpty();
    }

    @Test
    void nearestSpansAllClasses() {
        List<RememberedObject> s = scene();

        assertThat(memory.nearest(new Vec3(0.4, 0, 0), 3)).containsExactly(s.get(3), s.get(0), s.get(2));
        assertThat(memory.nearest(new Vec3(9, 9, 0), 1)).containsExactly(s.get(4));
    }

    @Test
    void withinReturnsObjectsInRadiusNearestFirst() {
        List<RememberedObject> s = scene();

        assertThat(memory.within(Vec3.ZERO, 1.5)).containsExactly(s.get(0), s.get(3), s.get(2));
        assertThat(memory.within(Vec3.ZERO, 0.5)).containsExactly(s.get(0), s.get(3));
        assertThat(memory.within(new Vec3(3, 0, 0), 0)).containsExactly(s.get(1));
        assertThat(memory.within(new Vec3(50, 50, 0), 5)).isEmpty();
    }

    @Test
    void withinBreaksDistanceTiesById() {
        RememberedObject west = fuse("cup", new Vec3(-1, 0, 0)).object();
        RememberedObject east = fuse("mug", new Vec3(1, 0, 0)).object();
        RememberedObject north = fuse("book", new Vec3(0, 1, 0)).object();

        assertThat(memory.within(Vec3.ZERO, 1)).containsExactly(west, east, north);
    }

    @Test
    void ofClassListsObjectsById() {
        List<RememberedObject> s = scene();

        assertThat(memory.ofClass("cup")).containsExactly(s.get(0), s.get(1), s.get(2));
        assertThat(memory.ofClass("chair")).containsExactly(s.get(4));
        assertThat(memory.ofClass("sofa")).isEmpty();
        assertThat(memory.classes()).containsExactly("chair", "cup", "mug");
        assertThat(memory.size()).isEqualTo(5);
    }

    @Test
    void emptyMemoryAnswersNothing() {
        assertThat(memory.size()).isZero();
        assertThat(memory.get(1)).isEmpty();
        assertThat(memory.classes()).isEmpty();
        assertThat(memory.within(Vec3.ZERO, 100)).isEmpty();
        assertThat(memory.nearest(Vec3.ZERO, 5)).isEmpty();
        assertThat(memory.ofClass("cup")).isEmpty();
        assertThat(memory.writeDirty()).isZero();
    }

    @Test
    void refusesBadQueries() {
        scene();

        assertRefused(() -> memory.ofClass(""), "label", "\"\"");
        assertRefused(() -> memory.nearestOfClass(null, "cup", 1), "center", "null");
        assertRefused(() -> memory.nearestOfClass(Vec3.ZERO, "x".repeat(65), 1), "label", "x".repeat(65));
        assertRefused(() -> memory.within(Vec3.ZERO, -1), "radius", "-1.0");
        assertRefused(() -> memory.nearest(Vec3.ZERO, -1), "k", "-1");
        assertRefused(() -> new ObjectMemory(null, versions, FusionSettings.DEFAULT), "store", "null");
        assertRefused(() -> new ObjectMemory(new ConcurrentSkipListMap<>(), versions, null), "settings", "null");
    }
}
