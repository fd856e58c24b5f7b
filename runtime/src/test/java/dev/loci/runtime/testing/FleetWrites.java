package dev.loci.runtime.testing;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Deterministic local writes of one runtime (shared through runtime's test-jar by the fleet tests here and in
 * ros-nodes): write {@code k} of robot {@code self} is always the same.
 */
public final class FleetWrites {
    /** A robot whose profile every runtime updates: the conflict-rule case. */
    public static final RobotId SHARED = RobotId.of("shared_bot");
    private static final String[] CLASSES = {"mug", "chair", "bottle", "plant"};

    private FleetWrites() {
    }

    public static CompletableFuture<?> write(LociRuntime runtime, RobotId self, int k) {
        Timestamp time = Timestamp.ofNanos(1_000_000_000L + k * 10_000_000L);
        if (k % 10 == 0) {
            RobotId robot = k % 20 == 0 ? SHARED : self;
            return runtime.updateProfile(profile(robot, (k % 100) / 100.0, time), "fleet_test_" + self.name());
        }
        if (k % 5 == 0) {
            return runtime.record(Event.of(self, time, EventType.ACTION, "tasks", self.name() + " action " + k)
                    .at(new Vec3(k % 7, k % 11, 0)));
        }
        Random random = new Random(self.key() * 31 + k);
        int object = random.nextInt(40);
        Vec3 seen = new Vec3((object % 8) * 2.0 + random.nextGaussian() * 0.05,
                (object / 8) * 2.0 + random.nextGaussian() * 0.05, 0.8);
        return runtime.ingest(Observation.of(self, time, "camera", Pose.of(seen.x() - 1, seen.y(), 1.2, 0),
                        CLASSES[object % CLASSES.length], Aabb.centered(seen, new Vec3(0.1, 0.1, 0.1)),
                        0.5 + random.nextDouble() / 2)
                .withAttributes(Map.of("k", Integer.toString(k))));
    }

    public static RobotProfile profile(RobotId robot, double battery, Timestamp heartbeat) {
        return new RobotProfile(robot, RobotKind.WHEELED_BASE, 0.3, 1.0, 0, 0, new TreeSet<>(Set.of("lidar")),
                new TreeSet<>(Set.of("navigate")), battery, RobotStatus.IDLE, Pose.of(1, 2, 0, 0), heartbeat);
    }
}
