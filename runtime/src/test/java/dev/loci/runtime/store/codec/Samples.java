package dev.loci.runtime.store.codec;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;

/** Valid values of every stored type, from minimal to as large as validation allows. */
final class Samples {
    static final RobotId ROBOT = RobotId.of("tb3_1");
    static final Timestamp TIME = Timestamp.ofNanos(1_700_000_000_123_456_789L);
    static final Pose POSE = new Pose(new Vec3(1.5, -2.25, 0.3), Quaternion.normalized(0.9, 0.1, -0.2, 0.3));
    static final Aabb BOX = Aabb.centered(new Vec3(2, -1, 0.8), new Vec3(0.1, 0.08, 0.12));
    static final Provenance FIRST = new Provenance(ROBOT, "camera_front", Timestamp.ofNanos(10));
    static final Provenance LAST = new Provenance(RobotId.of("other"), "fusion (v2)", Timestamp.ofNanos(99));

    private Samples() {
    }

    static SortedMap<String, String> attributes(Map<String, String> entries) {
        return new TreeMap<>(entries);
    }

    /** Sixteen attributes with 1024-character values: the largest attribute map validation allows. */
    static SortedMap<String, String> maximalAttributes() {
        SortedMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < 16; i++) {
            attributes.put("k".repeat(60) + String.format("%04d", i), String.valueOf((char) ('a' + i)).repeat(1024));
        }
        return attributes;
    }

    static Observation observation(SortedMap<String, String> attributes, Optional<Embedding> embedding,
                                   Optional<BlobId> image) {
        return new Observation(ROBOT, TIME, "camera_front", POSE, "cup", attributes, BOX, 0.8125, embedding, image);
    }

    static Observation minimalObservation() {
        return Observation.of(ROBOT, Timestamp.ZERO, "c", Pose.IDENTITY, "x", new Aabb(Vec3.ZERO, Vec3.ZERO), 0);
    }

    static Embedding embedding(int dimensions) {
        float[] values = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            values[i] = (float) Math.sin(i * 0.37) * (i % 7 == 0 ? -1e30f : 1f);
        }
        values[0] = -0.0f;
        return new Embedding(values);
    }

    static List<Observation> observations() {
        return List.of(
                minimalObservation(),
                observation(new TreeMap<>(), Optional.empty(), Optional.empty()),
                observation(attributes(Map.of("color", "red", "material", "ceramic")), Optional.empty(),
                        Optional.empty()),
                observation(new TreeMap<>(), Optional.of(embedding(512)), Optional.empty()),
                observation(new TreeMap<>(), Optional.empty(), Optional.of(new BlobId(77))),
                observation(attributes(Map.of("note", "tasse à café ☕ 🙂")), Optional.of(embedding(3)),
                        Optional.of(new BlobId(Long.MAX_VALUE))),
                observation(maximalAttributes(), Optional.of(embedding(Embedding.MAX_DIMENSIONS)),
                        Optional.of(new BlobId(0))),
                new Observation(RobotId.of("r".repeat(64)), Timestamp.ofNanos(Long.MAX_VALUE), "s".repeat(64),
                        new Pose(new Vec3(-1e6, 1e6, -0.0), Quaternion.fromYaw(-3)), "l".repeat(64), new TreeMap<>(),
                        new Aabb(new Vec3(-Double.MAX_VALUE, -1, -1), new Vec3(Double.MAX_VALUE, 1, 1)), 1,
                        Optional.empty(), Optional.empty()));
    }

    static RememberedObject object(SortedMap<String, String> attributes) {
        return new RememberedObject(42, "cup", new Vec3(2.0001, -1.5, 0.8), new Vec3(0.1, 0.1, 0.12),
                new Vec3(2.01, -1.49, 0.81), 17, 0.93, attributes, FIRST, LAST, 1234, 17,
                dev.loci.spatial.objects.ObjectStatus.MISSING, 2,
                new java.util.TreeSet<>(java.util.Set.of("robot_1", "robot_2")),
                List.of(new dev.loci.spatial.objects.Placement(new Vec3(1, 1, 1), Timestamp.ofNanos(1),
                        Timestamp.ofNanos(5))), Timestamp.ofNanos(6));
    }

    static List<RememberedObject> objects() {
        return List.of(
                new RememberedObject(0, "x", Vec3.ZERO, Vec3.ZERO, Vec3.ZERO, 1, 0, new TreeMap<>(), FIRST, FIRST,
                        0, 1, dev.loci.spatial.objects.ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), List.of(),
                        Timestamp.ZERO),
                object(new TreeMap<>()),
                object(attributes(Map.of("color", "blue", "état", "propre"))),
                object(maximalAttributes()),
                new RememberedObject(Long.MAX_VALUE, "l".repeat(64), new Vec3(-1e6, 1e6, 3), new Vec3(1e-300, 0, 5),
                        new Vec3(0, 0, 0), Long.MAX_VALUE, 1, new TreeMap<>(), FIRST, LAST, Long.MAX_VALUE,
                        Long.MAX_VALUE, dev.loci.spatial.objects.ObjectStatus.GONE, Integer.MAX_VALUE,
                        new java.util.TreeSet<>(java.util.Set.of("a", "b", "c")), fullHistory(),
                        Timestamp.ofNanos(Long.MAX_VALUE)));
    }

    private static List<dev.loci.spatial.objects.Placement> fullHistory() {
        List<dev.loci.spatial.objects.Placement> history = new java.util.ArrayList<>();
        for (int i = 0; i < RememberedObject.MAX_HISTORY; i++) {
            history.add(new dev.loci.spatial.objects.Placement(new Vec3(i, -i, 0.5), Timestamp.ofNanos(i * 10L),
                    Timestamp.ofNanos(i * 10L + 5)));
        }
        return history;
    }

    static Event event(SortedMap<String, String> attributes, Optional<Vec3> place, List<Long> objects) {
        return new Event(ROBOT, TIME, EventType.TASK_FAILED, "task_manager", "could not grasp the cup: slipped",
                attributes, place, objects);
    }

    static List<Event> events() {
        return List.of(
                Event.of(ROBOT, Timestamp.ZERO, EventType.OBSERVATION_BATCH, "s", "d"),
                event(new TreeMap<>(), Optional.empty(), List.of()),
                event(attributes(Map.of("skill", "pick")), Optional.of(new Vec3(1, 2, 0)), List.of(3L, 4L)),
                event(maximalAttributes(), Optional.of(new Vec3(-1e6, 1e6, -0.5)),
                        LongStream.rangeClosed(1, Event.MAX_OBJECTS).boxed().toList()),
                Event.of(ROBOT, TIME, EventType.CUSTOM, "src", "ü".repeat(1024)),
                Event.of(ROBOT, TIME, EventType.ROBOT_STATE, "src", "🙂 battery low").involving(List.of(Long.MAX_VALUE)));
    }

    static RobotProfile profile() {
        return new RobotProfile(ROBOT, RobotKind.MOBILE_MANIPULATOR, 0.3, 1.2, 1.1, 5, new TreeSet<>(List.of(
                "lidar", "rgbd")), new TreeSet<>(List.of("navigate", "pick", "place")), 0.87, RobotStatus.BUSY, POSE,
                TIME);
    }

    static List<Versioned<RobotProfile>> profiles() {
        TreeSet<String> many = new TreeSet<>();
        for (int i = 0; i < RobotProfile.MAX_NAMES; i++) {
            many.add("n" + "x".repeat(61) + String.format("%02d", i));
        }
        return List.of(
                new Versioned<>(profile(), 1, FIRST),
                new Versioned<>(profile().withStatus(RobotStatus.CHARGING).withBattery(0), 9, LAST),
                new Versioned<>(new RobotProfile(RobotId.of("d"), RobotKind.DRONE, 1e-9, 1e-9, 0, 0, new TreeSet<>(),
                        new TreeSet<>(), 1, RobotStatus.OFFLINE, Pose.IDENTITY, Timestamp.ZERO), Long.MAX_VALUE,
                        FIRST),
                new Versioned<>(new RobotProfile(RobotId.of("h"), RobotKind.HUMANOID, 0.4, 2, 1.9, 20, many, many,
                        0.5, RobotStatus.IDLE, POSE, TIME), 2, FIRST));
    }
}
