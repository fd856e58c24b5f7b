package dev.loci.runtime;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Map;
import java.util.Random;

/** Deterministic observations for tests: the same index always gives the same observation. */
public final class TestObservations {
    public static final RobotId ROBOT = RobotId.of("robot_1");
    private static final String[] CLASSES = {"mug", "chair", "bottle", "plant", "book", "laptop"};

    private TestObservations() {
    }

    /** Observation number {@code i}: one of 500 objects, seen with noise; carries its index as attribute "i". */
    public static Observation numbered(long seed, long i) {
        Random random = new Random(seed * 1_000_003L + i);
        int object = random.nextInt(500);
        Vec3 truth = new Vec3((object % 25) * 2.0, (object / 25) * 2.0, 0.8);
        Vec3 seen = truth.plus(new Vec3(random.nextGaussian() * 0.05, random.nextGaussian() * 0.05,
                random.nextGaussian() * 0.02));
        return Observation.of(RobotId.of("robot_" + (1 + i % 3)), Timestamp.ofNanos(1_000_000_000L + i * 1_000_000L),
                        "camera", Pose.of(seen.x() - 1, seen.y(), 1.2, 0), CLASSES[object % CLASSES.length],
                        Aabb.centered(seen, new Vec3(0.1, 0.1, 0.12)), 0.5 + random.nextDouble() / 2)
                .withAttributes(Map.of("i", Long.toString(i)));
    }

    /** The image bytes the crash writer stores with observation {@code i} (every 7th one). */
    public static byte[] imageFor(long i) {
        byte[] bytes = new byte[256 + (int) (i % 1000)];
        new Random(i).nextBytes(bytes);
        return bytes;
    }

    public static boolean hasImage(long i) {
        return i % 7 == 0;
    }

    public static long indexOf(Observation observation) {
        return Long.parseLong(observation.attributes().get("i"));
    }
}
