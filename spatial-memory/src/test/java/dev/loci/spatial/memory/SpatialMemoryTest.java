package dev.loci.spatial.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.InMemoryObservationStore;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpatialMemoryTest {
    private final InMemoryObservationStore observations = new InMemoryObservationStore();
    private final ConcurrentSkipListMap<Long, RememberedObject> objects = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, FrameRecord> frames = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<long[], ObjectState> versions =
            new ConcurrentSkipListMap<>(java.util.Arrays::compare);

    private SpatialMemory memory() {
        return new SpatialMemory(observations, objects, versions, frames, SpatialSettings.DEFAULT);
    }

    @Test
    void snapshotsCoverEveryConfirmedObjectWithinTwentyPercentOfGreedy() {
        ScriptedScene scene = new ScriptedScene(5);
        SpatialMemory memory = memory();
        for (Pose pose : scene.path()) {
            memory.observeFrame(scene.frame(pose));
        }
        Set<Long> confirmed = confirmedObjects(memory);
        assertThat(confirmed).hasSize(scene.things.size());

        List<Snapshot> snapshots = memory.snapshots();
        Set<Long> covered = snapshots.stream().flatMap(s -> s.objects().stream()).collect(Collectors.toSet());
        assertThat(covered).containsAll(confirmed);
        for (Snapshot snapshot : snapshots) {
            assertThat(snapshot.frame().objects()).as("a snapshot only claims objects its frame shows")
                    .containsAll(snapshot.objects());
        }
        int greedy = greedyCover(frames.values(), confirmed);
        System.out.printf("scripted scene: %d frames, %d confirmed objects, %d snapshots, greedy cover %d%n",
                frames.size(), confirmed.size(), snapshots.size(), greedy);
        assertThat(snapshots.size()).as("snapshots vs greedy set cover (%d)", greedy)
                .isLessThanOrEqualTo((int) Math.floor(greedy * 1.2));
    }

    @Test
    void assignsEachObjectToTheSnapshotThatSeesItBest() {
        ScriptedScene scene = new ScriptedScene(9);
        SpatialMemory memory = memory();
        scene.path().forEach(pose -> memory.observeFrame(scene.frame(pose)));
        List<Snapshot> snapshots = memory.snapshots();
        for (Snapshot snapshot : snapshots) {
            for (Long object : snapshot.objects()) {
                double mine = quality(snapshot.frame(), object);
                for (Snapshot other : snapshots) {
                    assertThat(quality(other.frame(), object)).isLessThanOrEqualTo(mine);
                }
            }
        }
    }

    @Test
    void retrievesSnapshotsByTheClassesAQueryNeeds() {
        ScriptedScene scene = new ScriptedScene(5);
        SpatialMemory memory = memory();
        scene.path().forEach(pose -> memory.observeFrame(scene.frame(pose)));
        List<Snapshot> forMugs = memory.snapshotsFor(Set.of("mug"), 10);
        assertThat(forMugs).isNotEmpty().allSatisfy(s -> assertThat(s.classes()).contains("mug"));
        Set<Long> mugs = memory.objects().ofClass("mug").stream().map(RememberedObject::id).collect(Collectors.toSet());
        assertThat(forMugs.stream().flatMap(s -> s.objects().stream()).filter(mugs::contains)
                .collect(Collectors.toSet())).isEqualTo(mugs);
        List<Snapshot> both = memory.snapshotsFor(Set.of("mug", "lamp"), 1);
        assertThat(both.get(0).classes()).as("best first: the most asked classes").containsAnyOf("mug", "lamp");
        assertThat(memory.snapshotsFor(Set.of("unicorn"), 10)).isEmpty();
    }

    @Test
    void findsTheFramesThatSawAPointNewestFirst() {
        ScriptedScene scene = new ScriptedScene(5);
        SpatialMemory memory = memory();
        scene.path().forEach(pose -> memory.observeFrame(scene.frame(pose)));
        Vec3 point = scene.things.get(3).position();
        List<FrameRecord> seeing = memory.framesSeeing(point, 1000, Optional.empty());
        List<FrameRecord> bruteForce = frames.values().stream()
                .filter(f -> f.view().contains(f.sensorPose(), point)).toList();
        assertThat(seeing).hasSameSizeAs(bruteForce).containsExactlyInAnyOrderElementsOf(bruteForce);
        for (int i = 1; i < seeing.size(); i++) {
            assertThat(seeing.get(i).time()).isLessThanOrEqualTo(seeing.get(i - 1).time());
        }
        assertThat(memory.framesSeeing(point, 3, Optional.empty())).containsExactlyElementsOf(seeing.subList(0, 3));
        assertThat(memory.snapshotsSeeing(point, 10)).allSatisfy(s ->
                assertThat(s.frame().view().contains(s.frame().sensorPose(), point)).isTrue());
    }

    @Test
    void marksAnObjectGoneWhenItsPlaceIsSeenEmptyThenFindsItMoved() {
        ScriptedScene scene = new ScriptedScene(5);
        SpatialMemory memory = memory();
        ScriptedScene.Thing mug = scene.things.stream().filter(t -> t.label().equals("mug")).findFirst().orElseThrow();
        Pose lookingAtMug = Pose.of(mug.position().x() - 2, mug.position().y(), mug.position().z(), 0);
        for (int i = 0; i < 5; i++) {
            memory.observeFrame(scene.frame(lookingAtMug));
        }
        RememberedObject before = memory.objects().nearestOfClass(mug.position(), "mug", 1).get(0);
        assertThat(before.status()).isEqualTo(ObjectStatus.PRESENT);

        List<ScriptedScene.Thing> withoutMug = new ArrayList<>(scene.things);
        withoutMug.remove(mug);
        int looks = 0;
        while (memory.objects().get(before.id()).orElseThrow().status() != ObjectStatus.GONE && looks < 100) {
            memory.observeFrame(scene.frame(lookingAtMug, withoutMug));
            looks++;
        }
        assertThat(memory.objects().get(before.id()).orElseThrow().status()).isEqualTo(ObjectStatus.GONE);
        assertThat(looks).as("an occasional miss must not make an object gone").isGreaterThan(5);
        System.out.printf("the mug was gone after %d empty looks%n", looks);
        assertThat(memory.objects().nearestOfClass(mug.position(), "mug", 10))
                .extracting(RememberedObject::id).doesNotContain(before.id());

        Vec3 newPlace = new Vec3(mug.position().x() + 3, mug.position().y() + 1, mug.position().z());
        List<ScriptedScene.Thing> moved = new ArrayList<>(withoutMug);
        moved.add(new ScriptedScene.Thing("mug", newPlace, mug.colour()));
        Pose lookingAtNewPlace = Pose.of(newPlace.x() - 2, newPlace.y(), newPlace.z(), 0);
        memory.observeFrame(scene.frame(lookingAtNewPlace, moved));

        RememberedObject after = memory.objects().get(before.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ObjectStatus.PRESENT);
        assertThat(after.position().distanceTo(newPlace)).isLessThan(0.1);
        assertThat(after.history()).hasSize(1);
        assertThat(after.history().get(0).position().distanceTo(mug.position())).isLessThan(0.1);
        assertThat(memory.objects().nearestOfClass(newPlace, "mug", 1)).extracting(RememberedObject::id)
                .containsExactly(before.id());
    }

    @Test
    void rebuildsTheSameSnapshotsAndIndexesFromTheMapsOnReopen() {
        ScriptedScene scene = new ScriptedScene(5);
        SpatialMemory memory = memory();
        scene.path().forEach(pose -> memory.observeFrame(scene.frame(pose)));
        memory.beforeCommit();
        SpatialMemory reopened = memory();
        assertThat(reopened.snapshots()).extracting(s -> s.frame().id())
                .hasSize(memory.snapshots().size());
        assertThat(reopened.snapshots().stream().flatMap(s -> s.objects().stream()).collect(Collectors.toSet()))
                .isEqualTo(memory.snapshots().stream().flatMap(s -> s.objects().stream()).collect(Collectors.toSet()));
        Vec3 probe = scene.things.get(0).position();
        assertThat(reopened.observationIndex().within(probe, 0.5, Optional.empty()))
                .containsExactlyInAnyOrder(memory.observationIndex().within(probe, 0.5, Optional.empty()));
        assertThat(reopened.objects().within(probe, 2)).isEqualTo(memory.objects().within(probe, 2));
    }

    private static double quality(FrameRecord frame, long object) {
        double best = 0;
        for (int i = 0; i < frame.objects().size(); i++) {
            if (frame.objects().get(i) == object) {
                best = Math.max(best, frame.viewQualities().get(i));
            }
        }
        return best;
    }

    private static Set<Long> confirmedObjects(SpatialMemory memory) {
        Set<Long> confirmed = new HashSet<>();
        for (String label : memory.objects().classes()) {
            for (RememberedObject o : memory.objects().ofClass(label)) {
                if (o.observationCount() >= 3) {
                    confirmed.add(o.id());
                }
            }
        }
        return confirmed;
    }

    /** Plain greedy set cover of {@code universe} by the frames: the yardstick the issue names. */
    private static int greedyCover(Iterable<FrameRecord> candidates, Set<Long> universe) {
        Map<Long, Set<Long>> shows = new HashMap<>();
        for (FrameRecord frame : candidates) {
            Set<Long> objects = new HashSet<>(frame.objects());
            objects.retainAll(universe);
            if (!objects.isEmpty()) {
                shows.put(frame.id(), objects);
            }
        }
        Set<Long> uncovered = new HashSet<>(universe);
        int chosen = 0;
        while (!uncovered.isEmpty()) {
            Set<Long> best = shows.values().stream()
                    .max(java.util.Comparator.comparingLong(s -> s.stream().filter(uncovered::contains).count()))
                    .orElseThrow();
            if (best.stream().noneMatch(uncovered::contains)) {
                break;
            }
            uncovered.removeAll(best);
            chosen++;
        }
        return chosen;
    }
}
