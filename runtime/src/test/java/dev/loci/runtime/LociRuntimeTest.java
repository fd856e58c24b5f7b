package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LociRuntimeTest {
    private static final RobotId ROBOT = RobotId.of("robot_1");

    @TempDir
    Path dir;

    private static Observation seen(String label, Vec3 where, long nanos) {
        return Observation.of(ROBOT, Timestamp.ofNanos(nanos), "camera", Pose.of(where.x() - 1, where.y(), 1, 0),
                label, Aabb.centered(where, new Vec3(0.1, 0.1, 0.1)), 0.9);
    }

    private static RobotProfile profile(RobotId id, double battery) {
        return new RobotProfile(id, RobotKind.MOBILE_MANIPULATOR, 0.3, 1.0, 1.2, 2.0, new TreeSet<>(Set.of("rgbd")),
                new TreeSet<>(Set.of("navigate", "pick")), battery, RobotStatus.IDLE, Pose.of(1, 2, 0, 0.5),
                Timestamp.ofNanos(5));
    }

    @Test
    void reopensWithEverythingCommittedBeforeClose() throws Exception {
        Observation mug = seen("mug", new Vec3(1, 2, 0.8), 10);
        Event started = Event.of(ROBOT, Timestamp.ofNanos(20), EventType.TASK_STARTED, "tasks", "fetch the mug")
                .at(new Vec3(1, 2, 0));
        BlobId image;
        ObservationAck ack;
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            image = runtime.putBlob(new byte[] {1, 2, 3});
            ack = runtime.ingest(mug.withImage(image)).get(5, TimeUnit.SECONDS);
            runtime.record(started).get(5, TimeUnit.SECONDS);
            runtime.updateProfile(profile(ROBOT, 0.8), "state_monitor").get(5, TimeUnit.SECONDS);
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            assertThat(runtime.observation(ack.observationId())).contains(mug.withImage(image));
            assertThat(runtime.blob(image)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            RememberedObject object = runtime.object(ack.objectId()).orElseThrow();
            assertThat(object.label()).isEqualTo("mug");
            assertThat(object.firstSeen()).isEqualTo(mug.provenance());
            assertThat(runtime.objectsWithin(new Vec3(1, 2, 0.8), 0.5)).containsExactly(object);
            assertThat(runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(100))))
                    .extracting(StoredEvent::event).containsExactly(started);
            assertThat(runtime.profile(ROBOT)).hasValueSatisfying(v -> {
                assertThat(v.value()).isEqualTo(profile(ROBOT, 0.8));
                assertThat(v.version()).isEqualTo(1);
                assertThat(v.provenance().source()).isEqualTo("state_monitor");
            });
            assertThat(runtime.stats().observations()).isEqualTo(1);
        }
    }

    @Test
    void idsContinueAfterReopen() throws Exception {
        long firstObject;
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            firstObject = runtime.ingest(seen("mug", new Vec3(0, 0, 0), 1)).get().objectId();
            runtime.record(Event.of(ROBOT, Timestamp.ofNanos(1), EventType.ACTION, "tasks", "look")).get();
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            ObservationAck second = runtime.ingest(seen("mug", new Vec3(5, 0, 0), 2)).get();
            StoredEvent event = runtime.record(Event.of(ROBOT, Timestamp.ofNanos(2), EventType.ACTION, "tasks",
                    "look again")).get();
            assertThat(second.observationId()).isEqualTo(2);
            assertThat(second.objectId()).isNotEqualTo(firstObject);
            assertThat(event.id()).isEqualTo(2);
        }
    }

    @Test
    void fusesNoisyObservationsOfOneObjectIntoOne() throws Exception {
        Random random = new Random(3);
        Vec3 truth = new Vec3(4, -2, 0.75);
        List<Observation> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            batch.add(seen("bottle", truth.plus(new Vec3(random.nextGaussian() * 0.05,
                    random.nextGaussian() * 0.05, random.nextGaussian() * 0.05)), i));
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            List<ObservationAck> acks = runtime.ingestAll(batch).get(10, TimeUnit.SECONDS);
            assertThat(acks).extracting(ObservationAck::objectId).containsOnly(acks.get(0).objectId());
            assertThat(acks).filteredOn(ObservationAck::createdObject).hasSize(1);
            List<RememberedObject> bottles = runtime.objectsOfClass("bottle");
            assertThat(bottles).hasSize(1);
            RememberedObject bottle = bottles.get(0);
            assertThat(bottle.position().distanceTo(truth)).isLessThan(0.02);
            assertThat(bottle.observationCount()).isEqualTo(400);
            assertThat(bottle.version()).isEqualTo(400);
            assertThat(runtime.stats().observations()).as("raw observations are kept too").isEqualTo(400);
        }
    }

    @Test
    void keepsSameClassObjectsBeyondTheGateApart() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            runtime.ingestAll(List.of(seen("chair", new Vec3(0, 0, 0.5), 1), seen("chair", new Vec3(1.5, 0, 0.5), 2),
                    seen("chair", new Vec3(0.02, 0, 0.5), 3), seen("table", new Vec3(0, 0, 0.5), 4))).get();
            List<RememberedObject> chairs = runtime.objectsOfClass("chair");
            assertThat(chairs).hasSize(2);
            assertThat(chairs).extracting(RememberedObject::observationCount).containsExactlyInAnyOrder(2L, 1L);
            assertThat(runtime.nearestOfClass(new Vec3(1.4, 0, 0.5), "chair", 1))
                    .extracting(o -> o.position().x()).singleElement().satisfies(x -> assertThat(x).isEqualTo(1.5));
            assertThat(runtime.objectsWithin(new Vec3(0, 0, 0.5), 0.1)).hasSize(2);
        }
    }

    @Test
    void remembersWhereAnObjectWasLastSeen() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            ObservationAck first = runtime.ingest(seen("mug", new Vec3(1, 1, 0.8), 100)).get();
            runtime.ingest(seen("mug", new Vec3(1.1, 1, 0.8), 200)).get();
            runtime.ingest(seen("mug", new Vec3(9, 9, 0.8), 150)).get();
            Sighting last = runtime.lastSeen(first.objectId()).orElseThrow();
            assertThat(last.where()).isEqualTo(new Vec3(1.1, 1, 0.8));
            assertThat(last.seenBy().time()).isEqualTo(Timestamp.ofNanos(200));
            assertThat(runtime.lastSeenOfClass("mug")).hasValueSatisfying(s -> assertThat(s.objectId())
                    .isEqualTo(first.objectId()));
            assertThat(runtime.lastSeenOfClass("unicorn")).isEmpty();
        }
    }

    @Test
    void findsEventsInATimeWindowByRobotAndType() throws Exception {
        RobotId other = RobotId.of("robot_2");
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (int t = 0; t < 50; t++) {
                EventType type = t % 2 == 0 ? EventType.ACTION : EventType.ROBOT_STATE;
                runtime.record(Event.of(t % 5 == 0 ? other : ROBOT, Timestamp.ofNanos(t * 10L), type, "tasks",
                        "step " + t));
            }
            runtime.flush();
            List<StoredEvent> found = runtime.events(EventQuery.window(Timestamp.ofNanos(100), Timestamp.ofNanos(300))
                    .ofRobot(ROBOT).ofTypes(Set.of(EventType.ACTION)));
            assertThat(found).extracting(e -> e.event().description())
                    .containsExactly("step 12", "step 14", "step 16", "step 18", "step 22", "step 24", "step 26",
                            "step 28");
            assertThat(runtime.events(EventQuery.window(Timestamp.ofNanos(0), Timestamp.ofNanos(490)).ofRobot(other)))
                    .hasSize(10);
        }
    }

    @Test
    void versionsEachProfileUpdate() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            runtime.updateProfile(profile(ROBOT, 0.9), "state_monitor").get();
            Versioned<RobotProfile> second = runtime.updateProfile(profile(ROBOT, 0.7), "state_monitor").get();
            runtime.updateProfile(profile(RobotId.of("drone_1"), 0.5), "state_monitor").get();
            assertThat(second.version()).isEqualTo(2);
            assertThat(runtime.profile(ROBOT).orElseThrow().value().battery()).isEqualTo(0.7, within(1e-12));
            assertThat(runtime.profiles()).extracting(v -> v.value().id().name()).containsExactly("drone_1", "robot_1");
        }
    }

    @Test
    void refusesObservationsOutsideTheWorldCountingThemAndChangingNothing() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            runtime.ingest(seen("mug", new Vec3(1, 1, 1), 1)).get();
            Observation far = seen("mug", new Vec3(5e6, 0, 0), 2);
            assertThatThrownBy(() -> runtime.ingest(far)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("box.min").hasMessageContaining("4999999.95");
            assertThatThrownBy(() -> runtime.ingestAll(List.of(seen("cup", new Vec3(2, 2, 2), 3), far)))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> runtime.ingest(null)).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("observation");
            runtime.flush();
            assertThat(runtime.stats().observations()).isEqualTo(1);
            assertThat(runtime.objectsOfClass("cup")).as("a refused batch stores none of its members").isEmpty();
            assertThat(runtime.stats().rejectedByField()).containsEntry("box.min", 2L).containsEntry("observation", 1L);
            assertThat(runtime.stats().rejectedInputs()).isEqualTo(3);
        }
    }

    @Test
    void refusesWritesBeyondTheQueueInsteadOfGrowingWithoutBound() throws Exception {
        LociConfig tiny = LociConfig.DEFAULT.withQueueCapacity(1).withOfferTimeout(java.time.Duration.ZERO);
        try (LociRuntime runtime = LociRuntime.open(dir, tiny)) {
            var futures = new ArrayList<java.util.concurrent.CompletableFuture<ObservationAck>>();
            for (int i = 0; i < 2000; i++) {
                futures.add(runtime.ingest(seen("mug", new Vec3(i % 50, 0, 0), i)));
            }
            long refused = futures.stream().filter(f -> {
                try {
                    f.get(10, TimeUnit.SECONDS);
                    return false;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(dev.loci.runtime.store.IngestRejectedException.class)
                            .hasMessageContaining("queue full");
                    return true;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).count();
            assertThat(refused).isPositive();
            assertThat(runtime.stats().rejectedQueueFull()).isEqualTo(refused);
            assertThat(runtime.stats().observations()).isEqualTo(2000 - refused);
        }
    }
}
