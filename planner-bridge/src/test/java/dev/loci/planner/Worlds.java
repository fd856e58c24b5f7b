package dev.loci.planner;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.testing.TwoRooms;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test worlds written into a real runtime: robot profiles of several bodies, objects seen by a camera, and a
 * lidar-mapped floor of two 5 m x 5 m rooms with a 1 m door in the wall between them (x = 5, door at y 2..3).
 */
public final class Worlds {
    public static final RobotId SCOUT = RobotId.of("scout");
    public static final RobotId ARM = RobotId.of("arm");
    public static final RobotId TALL = RobotId.of("tall");
    public static final Set<String> SCOUT_SKILLS = Set.of("navigate", "search", "explore");
    public static final Set<String> ARM_SKILLS = Set.of("navigate", "search", "pick", "place");
    public static final Set<String> TALL_SKILLS = Set.of("navigate_to", "search", "pick", "place", "explore");
    private Worlds() {
    }

    public static RobotProfile robot(RobotId id, RobotKind kind, double reach, double payload, Set<String> skills,
                                     double x, double y) {
        return new RobotProfile(id, kind, 0.25, 1.0, reach, payload, new TreeSet<>(Set.of("lidar", "rgbd")),
                new TreeSet<>(skills), 0.9, RobotStatus.IDLE, Pose.of(x, y, 0, 0), Timestamp.ZERO);
    }

    /** A wheeled scout (no arm), a mobile manipulator reaching 1.0 m / 3 kg, a tall-reach robot 2.0 m / 10 kg. */
    public static List<RobotProfile> mixedFleet(double[] scoutAt, double[] armAt, double[] tallAt) {
        return List.of(
                robot(SCOUT, RobotKind.WHEELED_BASE, 0, 0, SCOUT_SKILLS, scoutAt[0], scoutAt[1]),
                robot(ARM, RobotKind.MOBILE_MANIPULATOR, 1.0, 3, ARM_SKILLS, armAt[0], armAt[1]),
                robot(TALL, RobotKind.TALL_REACH, 2.0, 10, TALL_SKILLS, tallAt[0], tallAt[1]));
    }

    public static void addRobots(LociRuntime memory, List<RobotProfile> robots) throws Exception {
        for (RobotProfile robot : robots) {
            memory.updateProfile(robot, "test").get();
        }
    }

    /** Seen once by a camera; {@code attributes} such as mass_kg. Returns the remembered object's id. */
    public static long see(LociRuntime memory, String label, double x, double y, double z,
                           Map<String, String> attributes) throws Exception {
        Vec3 at = new Vec3(x, y, z);
        Observation o = Observation.of(SCOUT, Timestamp.ofSeconds(1), "camera", Pose.of(x - 1, y, 1.0, 0), label,
                Aabb.centered(at, new Vec3(0.1, 0.1, 0.1)), 0.9).withAttributes(attributes);
        return memory.ingest(o).get().objectId();
    }

    public static long see(LociRuntime memory, String label, double x, double y, double z) throws Exception {
        return see(memory, label, x, y, z, Map.of());
    }

    /** Scans both rooms from several points, so every free cell is known and no frontier is left. */
    public static void mapTwoRooms(LociRuntime memory) throws Exception {
        long id = 0;
        for (double[] at : new double[][] {{2.5, 2.5}, {5, 2.5}, {7.5, 2.5}, {1, 1}, {9, 4}, {1, 4}, {9, 1},
                {4, 4.5}, {6, 0.5}}) {
            memory.ingestScan(scan(++id, at[0], at[1], 1)).get();
        }
    }

    /** Scans only the left room from its middle: the door opens onto unknown space, a frontier. */
    public static void mapLeftRoom(LociRuntime memory) throws Exception {
        memory.ingestScan(scan(1, 2.5, 2.5, 1)).get();
    }

    private static RangeScan scan(long id, double x, double y, double second) {
        return TwoRooms.scan(id, x, y, second);
    }
}
