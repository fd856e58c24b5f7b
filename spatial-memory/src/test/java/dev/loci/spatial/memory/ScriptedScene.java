package dev.loci.spatial.memory;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/** Three rooms of objects and a robot that walks through them turning its camera: frames as a detector gives. */
final class ScriptedScene {
    static final RobotId ROBOT = RobotId.of("scout");
    static final FieldOfView VIEW = FieldOfView.RGBD;

    record Thing(String label, Vec3 position, String colour) {
    }

    final List<Thing> things = new ArrayList<>();
    private final Random random;
    private long tick;

    ScriptedScene(long seed) {
        random = new Random(seed);
        String[] labels = {"mug", "chair", "book", "plant", "bottle", "lamp"};
        String[] colours = {"red", "blue", "green"};
        for (int room = 0; room < 3; room++) {
            for (int i = 0; i < 8; i++) {
                things.add(new Thing(labels[(room + i) % labels.length],
                        new Vec3(room * 8 + 1 + random.nextDouble() * 6, 1 + random.nextDouble() * 6,
                                0.3 + random.nextDouble()), colours[i % colours.length]));
            }
        }
    }

    /** The robot's path: along the middle of each room, stopping to look around at each room's centre. */
    List<Pose> path() {
        List<Pose> poses = new ArrayList<>();
        for (int room = 0; room < 3; room++) {
            double cx = room * 8 + 4;
            for (double x = room * 8 + 0.5; x < room * 8 + 7.5; x += 0.5) {
                poses.add(Pose.of(x, 4, 1.2, 0));
            }
            for (int turn = 0; turn < 24; turn++) {
                poses.add(Pose.of(cx, 4, 1.2, turn * Math.PI / 12));
            }
        }
        return poses;
    }

    /** What the camera at {@code pose} reports: every thing in view (no misses, small noise). */
    SensorFrame frame(Pose pose) {
        return frame(pose, things);
    }

    SensorFrame frame(Pose pose, List<Thing> present) {
        Timestamp time = Timestamp.ofNanos(++tick * 100_000_000L);
        List<Observation> observations = new ArrayList<>();
        for (Thing thing : present) {
            if (VIEW.contains(pose, thing.position)) {
                Vec3 noisy = thing.position.plus(new Vec3(random.nextGaussian() * 0.03, random.nextGaussian() * 0.03,
                        random.nextGaussian() * 0.01));
                observations.add(new Observation(ROBOT, time, "camera", pose, thing.label,
                        new TreeMap<>(Map.of("colour", thing.colour)), Aabb.centered(noisy, new Vec3(0.1, 0.1, 0.1)),
                        0.9, Optional.empty(), Optional.empty()));
            }
        }
        return new SensorFrame(ROBOT, time, "camera", pose, VIEW, observations, Optional.empty());
    }
}
