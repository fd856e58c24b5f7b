package dev.loci.launch.demo;

import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The demo's small world: three rooms, the things in them, three robots with different bodies and routes. */
final class Apartment {
    private Apartment() {
    }

    /** Something in the apartment: its class, true position and attributes. */
    record Thing(String label, Vec3 position, Map<String, String> attributes) {
    }

    /** A robot, its body, and the waypoints it patrols (x, y), with the task it reports. */
    record Route(RobotProfile body, String task, List<Vec3> waypoints) {
    }

    static final List<Thing> THINGS = List.of(
            new Thing("table", new Vec3(2.0, 2.0, 0.75), Map.of("room", "kitchen", "colour", "oak")),
            new Thing("mug", new Vec3(2.2, 2.1, 0.80), Map.of("room", "kitchen", "colour", "red")),
            new Thing("bottle", new Vec3(1.8, 1.9, 0.85), Map.of("room", "kitchen", "contents", "water")),
            new Thing("apple", new Vec3(2.4, 1.7, 0.78), Map.of("room", "kitchen", "colour", "green")),
            new Thing("fridge", new Vec3(0.4, 4.4, 0.90), Map.of("room", "kitchen")),
            new Thing("chair", new Vec3(1.2, 2.0, 0.45), Map.of("room", "kitchen")),
            new Thing("chair", new Vec3(2.8, 2.0, 0.45), Map.of("room", "kitchen")),
            new Thing("sink", new Vec3(4.5, 4.6, 0.90), Map.of("room", "kitchen")),
            new Thing("sofa", new Vec3(10.0, 1.0, 0.40), Map.of("room", "living_room", "colour", "grey")),
            new Thing("tv", new Vec3(10.0, 4.6, 1.10), Map.of("room", "living_room")),
            new Thing("book", new Vec3(8.2, 2.5, 0.50), Map.of("room", "living_room", "title", "Probabilistic Robotics")),
            new Thing("plant", new Vec3(13.4, 0.6, 0.30), Map.of("room", "living_room")),
            new Thing("remote", new Vec3(9.6, 1.2, 0.45), Map.of("room", "living_room", "colour", "black")),
            new Thing("chair", new Vec3(12.0, 3.0, 0.45), Map.of("room", "living_room")),
            new Thing("mug", new Vec3(8.4, 2.6, 0.52), Map.of("room", "living_room", "colour", "blue")),
            new Thing("bed", new Vec3(2.0, 8.0, 0.50), Map.of("room", "bedroom")),
            new Thing("lamp", new Vec3(4.2, 9.4, 1.20), Map.of("room", "bedroom")),
            new Thing("backpack", new Vec3(5.0, 6.0, 0.20), Map.of("room", "bedroom", "colour", "yellow")),
            new Thing("laptop", new Vec3(4.0, 8.5, 0.75), Map.of("room", "bedroom")),
            new Thing("shelf_box", new Vec3(0.5, 9.5, 2.10), Map.of("room", "bedroom", "note", "on top shelf")));

    static final List<Route> ROUTES = List.of(
            new Route(body("rover_1", RobotKind.WHEELED_BASE, 0.25, 1.0, 0.0, 0.0, Set.of("lidar", "rgbd"),
                    Set.of("navigate", "explore")), "explore the kitchen and living room",
                    List.of(new Vec3(1, 1, 0), new Vec3(4, 3, 0), new Vec3(7, 2, 0), new Vec3(11, 2.5, 0),
                            new Vec3(13, 1, 0))),
            new Route(body("arm_1", RobotKind.MOBILE_MANIPULATOR, 0.35, 0.6, 1.3, 3.0, Set.of("rgbd", "wrist_camera"),
                    Set.of("navigate", "pick", "place")), "tidy the bedroom",
                    List.of(new Vec3(3, 6, 0), new Vec3(1.5, 7, 0), new Vec3(4, 9, 0), new Vec3(5.5, 6.5, 0))),
            new Route(body("drone_1", RobotKind.DRONE, 0.20, 2.0, 2.5, 0.2, Set.of("rgb"),
                    Set.of("fly", "inspect")), "inspect high shelves",
                    List.of(new Vec3(0.5, 5, 1.8), new Vec3(1, 9, 2), new Vec3(9, 4, 1.8), new Vec3(3, 3, 1.5))));

    private static RobotProfile body(String name, RobotKind kind, double footprint, double speed, double reach,
                                     double payload, Set<String> sensors, Set<String> skills) {
        return new RobotProfile(RobotId.of(name), kind, footprint, speed, reach, payload, new TreeSet<>(sensors),
                new TreeSet<>(skills), 1.0, RobotStatus.IDLE, Pose.IDENTITY, Timestamp.ZERO);
    }
}
