package dev.loci.ros.memory;

import dev.loci.ros.params.RosParameters;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.loci.spatial.frame.FieldOfView;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the memory node is configured with; every topic and service name is a parameter. Per-robot
 * topics are relative to the robot's namespace ({@code odom} of robot_1 is {@code /robot_1/odom}); services
 * and the map are relative to the node's namespace.
 */
public record MemoryNodeSettings(
        String nodeName,
        String namespace,
        List<String> robots,
        Map<String, RobotProfile> profiles,
        String frameId,
        Map<String, String> topics,
        Map<String, String> services,
        RosQos sensorQos,
        Duration publishPeriod,
        Duration poseUpdatePeriod,
        double nearbyRadius,
        double laserHeight,
        Map<String, Double> laserHeights,
        Map<String, FieldOfView> cameraViews) {

    public static final String NODE_NAME = "loci_memory";

    /** Topic parameters (topics.*) and their defaults. Robot topics are relative to each robot's namespace. */
    public static final Map<String, String> DEFAULT_TOPICS = Map.of(
            "odom", "odom",
            "pose", "pose",
            "scan", "scan",
            "detections", "detections",
            "robot_state", "robot_state",
            "task_events", "task_events",
            "nearby_objects", "nearby_objects",
            "map", "map",
            "markers", "markers");

    /** Service parameters (services.*) and their defaults, relative to the node's namespace. */
    public static final Map<String, String> DEFAULT_SERVICES = Map.of(
            "where_is", "where_is",
            "objects_near", "objects_near",
            "recall", "recall",
            "snapshots_for", "snapshots_for",
            "frontiers", "frontiers",
            "state_at", "state_at",
            "robot_profiles", "robot_profiles",
            "tool_call", "tool_call");

    public MemoryNodeSettings {
        if (robots.isEmpty()) {
            throw new InvalidValueException("robots", robots, "must name at least one robot");
        }
        robots.forEach(RobotId::of); // validates each name
        robots = List.copyOf(robots);
        profiles = Map.copyOf(profiles);
        laserHeights = Map.copyOf(laserHeights);
        cameraViews = Map.copyOf(cameraViews);
        topics = Map.copyOf(topics);
        services = Map.copyOf(services);
        if (!(nearbyRadius > 0) || !Double.isFinite(nearbyRadius)) {
            throw new InvalidValueException("nearby_radius", nearbyRadius, "must be a finite number > 0");
        }
        if (!(laserHeight >= 0 && laserHeight <= 10)) {
            throw new InvalidValueException("laser_height", laserHeight, "must be in [0, 10] metres");
        }
    }

    /** Height of the robot's planar lidar above its pose: robot_profiles.<robot>.laser_height, else laser_height. */
    public double laserHeight(String robot) {
        return laserHeights.getOrDefault(robot, laserHeight);
    }

    /**
     * The robot's detector camera view (robot_profiles.<robot>.camera.{horizontal_fov, vertical_fov, min_range,
     * max_range}, radians and metres), if configured: its detections are then ingested as frames, so memory also
     * learns what the camera could see and did not (change detection, snapshots).
     */
    public Optional<FieldOfView> cameraView(String robot) {
        return Optional.ofNullable(cameraViews.get(robot));
    }

    public String topic(String key) {
        return topics.get(key);
    }

    public String service(String key) {
        return services.get(key);
    }

    /** Reads the settings from parameters (see config/loci_memory.params.yaml for every name). */
    public static MemoryNodeSettings from(RosParameters params, String namespace) {
        List<String> robots = params.strings("robots", List.of());
        Map<String, String> topics = new TreeMap<>();
        DEFAULT_TOPICS.forEach((k, v) -> topics.put(k, params.string("topics." + k, v)));
        Map<String, String> services = new TreeMap<>();
        DEFAULT_SERVICES.forEach((k, v) -> services.put(k, params.string("services." + k, v)));
        Map<String, RobotProfile> profiles = new TreeMap<>();
        Map<String, Double> laserHeights = new TreeMap<>();
        Map<String, FieldOfView> cameraViews = new TreeMap<>();
        List<String> all = new ArrayList<>(robots);
        for (String robot : all) {
            String p = "robot_profiles." + robot + ".";
            if (params.has(p + "laser_height")) {
                double height = params.number(p + "laser_height", 0);
                if (!(height >= 0 && height <= 10)) {
                    throw new InvalidValueException(p + "laser_height", height, "must be in [0, 10] metres");
                }
                laserHeights.put(robot, height);
            }
            if (params.has(p + "camera.horizontal_fov")) {
                cameraViews.put(robot, new FieldOfView(params.number(p + "camera.horizontal_fov", 0),
                        params.number(p + "camera.vertical_fov", 0), params.number(p + "camera.min_range", 0),
                        params.number(p + "camera.max_range", 0)));
            }
            profiles.put(robot, new RobotProfile(RobotId.of(robot),
                    RobotKind.parse(params.string(p + "kind", "wheeled_base")),
                    params.number(p + "footprint_radius", 0.3),
                    params.number(p + "max_speed", 1.0),
                    params.number(p + "reach_height", 0.8),
                    params.number(p + "payload_kg", 1.0),
                    new TreeSet<>(params.strings(p + "sensors", List.of("camera"))),
                    new TreeSet<>(params.strings(p + "skills", List.of("navigate"))),
                    1.0, RobotStatus.IDLE, Pose.IDENTITY, Timestamp.ZERO));
        }
        return new MemoryNodeSettings(
                params.string("node_name", NODE_NAME),
                namespace,
                robots,
                profiles,
                params.string("frame_id", "map"),
                topics,
                services,
                RosQos.named(params.string("sensor_qos", "sensor")),
                seconds("publish_period", params.number("publish_period", 1.0)),
                seconds("pose_update_period", params.number("pose_update_period", 0.5)),
                params.number("nearby_radius", 3.0),
                params.number("laser_height", 0.3),
                laserHeights,
                cameraViews);
    }

    private static Duration seconds(String field, double seconds) {
        if (!(seconds > 0) || seconds > 3600) {
            throw new InvalidValueException(field, seconds, "must be in (0, 3600] seconds");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
