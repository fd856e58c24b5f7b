package dev.loci.launch.demo;

import dev.loci.episodic.event.Event;
import dev.loci.ros.memory.MemoryNode;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.memory.ToolCallHandler;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.robot.RobotSensorPublisher;
import dev.loci.ros.transport.DeliveryTimeoutException;
import dev.loci.ros.transport.DeliveryWait;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.sim.MemoryLink;
import dev.loci.sim.sensor.Lidar;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation's {@link MemoryLink} over ROS 2: every robot publishes from its own node under {@code /<robot>}
 * (pose, scan, detections best effort; robot_state, task_events reliable) and the {@link MemoryNode} writes
 * what arrives into the runtime; nothing reaches memory by a method call. Lockstep: after each message the
 * sender waits until the node has handled it (its per-robot count), so memory sees the messages in the order
 * the simulation sent them and a run repeats for a seed. A best-effort message that never arrives ends the wait
 * after {@link #SENSOR_TIMEOUT} and is counted as dropped (the run then may not repeat exactly); a reliable one
 * that never arrives is an error.
 */
final class RosMemoryLink implements MemoryLink, AutoCloseable {
    static final Duration SENSOR_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RELIABLE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DISCOVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RosMemoryLink.class);

    /** DDS messages robots -> memory node. */
    record Counts(long sent, long handled, long dropped, long rejected) {
    }

    /** One robot as the memory node is configured for it. */
    record Mount(RobotProfile profile, double lidarHeight, FieldOfView camera) {
    }

    private final LociRuntime runtime;
    private final MemoryNode node;
    private final List<RosNode> robotNodes = new ArrayList<>();
    private final Map<RobotId, RobotSensorPublisher> publishers = new LinkedHashMap<>();
    private final Map<RobotId, Long> expected = new LinkedHashMap<>();
    private long dropped;
    private long settles;
    private boolean unsettled;

    /**
     * Starts the memory node on {@code runtime} for {@code robots} and a node per robot, and waits until each
     * robot's first message (its pose at {@code start}) has reached the node: DDS discovery is done then.
     */
    RosMemoryLink(LociRuntime runtime, RosDomain domain, Map<String, Mount> robots, Timestamp start) {
        this.runtime = runtime;
        this.node = new MemoryNode(runtime, MemoryNodeSettings.from(params(robots), "/loci"), domain,
                (tool, json) -> ToolCallHandler.ToolReply.failure("no tools on the demo's ingest node"));
        try {
            for (Map.Entry<String, Mount> robot : robots.entrySet()) {
                RosNode robotNode = new RosNode("sensors", "/" + robot.getKey(), domain);
                robotNodes.add(robotNode);
                RobotId id = RobotId.of(robot.getKey());
                publishers.put(id, new RobotSensorPublisher(robotNode, id, RosQos.SENSOR));
            }
            for (Map.Entry<String, Mount> robot : robots.entrySet()) {
                connect(RobotId.of(robot.getKey()), start, robot.getValue().profile().pose());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** How the fleet's robots are configured on the memory node, each at its start pose at {@code time}. */
    static Map<String, Mount> mounts(List<FleetMember> fleet, Map<String, double[]> starts, Timestamp time) {
        Map<String, Mount> mounts = new LinkedHashMap<>();
        for (FleetMember member : fleet) {
            double[] at = starts.get(member.name());
            RobotProfile profile = new dev.loci.sim.robot.Robot(RobotId.of(member.name()), member.body(), at[0], at[1],
                    at.length > 2 ? at[2] : 0).profile(time);
            mounts.put(member.name(), new Mount(profile, member.body().lidarHeight(),
                    dev.loci.sim.sensor.DetectorSettings.DEFAULT.view()));
        }
        return mounts;
    }

    private static RosParameters params(Map<String, Mount> robots) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("robots", List.copyOf(robots.keySet()));
        p.put("publish_period", 10.0); // map and markers: nobody listens in the demo
        p.put("pose_update_period", 3600.0); // profiles change only by robot_state: no wall-clock throttling
        robots.forEach((name, mount) -> {
            String k = "robot_profiles." + name + ".";
            RobotProfile r = mount.profile();
            p.put(k + "kind", r.kind().name().toLowerCase(Locale.ROOT));
            p.put(k + "footprint_radius", r.footprintRadius());
            p.put(k + "max_speed", r.maxSpeed());
            p.put(k + "reach_height", r.reachHeight());
            p.put(k + "payload_kg", r.payloadKg());
            p.put(k + "sensors", List.copyOf(r.sensors()));
            p.put(k + "skills", List.copyOf(r.skills()));
            p.put(k + "laser_height", mount.lidarHeight());
            p.put(k + "camera.horizontal_fov", mount.camera().horizontalRadians());
            p.put(k + "camera.vertical_fov", mount.camera().verticalRadians());
            p.put(k + "camera.min_range", mount.camera().minRange());
            p.put(k + "camera.max_range", mount.camera().maxRange());
        });
        return new RosParameters(p, "loci demo");
    }

    /** Sends the robot's start pose until the node has one (best effort is lost before discovery). */
    private void connect(RobotId robot, Timestamp start, Pose pose) {
        RobotSensorPublisher publisher = publishers.get(robot);
        long deadline = System.nanoTime() + DISCOVERY_TIMEOUT.toNanos();
        while (node.inputsHandled(robot.name()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new DeliveryTimeoutException("pose of " + robot + " to the memory node", 1, 0, DISCOVERY_TIMEOUT);
            }
            publisher.pose(start, flat(pose));
            DeliveryWait.until(() -> node.inputsHandled(robot.name()) > 0, Duration.ofMillis(100));
        }
        // the same pose again at the same time changes nothing: let the copies still in flight land, then count
        DeliveryWait.until(() -> node.inputsHandled(robot.name()) >= publisher.sent(), Duration.ofMillis(500));
        expected.put(robot, node.inputsHandled(robot.name()));
    }

    @Override
    public void scan(RobotId robot, Lidar.Reading reading) {
        RobotSensorPublisher publisher = publisher(robot);
        publisher.pose(reading.scan().time(), flat(reading.sensorPose()));
        await(robot, false);
        publisher.scan(reading.scan().time(), reading.angleMin(), reading.angleIncrement(), reading.ranges(),
                reading.rangeMin(), reading.rangeMax());
        await(robot, false);
    }

    @Override
    public void frame(SensorFrame frame) {
        publisher(frame.robot()).detections(frame);
        await(frame.robot(), false);
    }

    @Override
    public void profile(RobotProfile profile) {
        publisher(profile.id()).state(profile);
        await(profile.id(), true);
    }

    @Override
    public void event(Event event) {
        publisher(event.robot()).event(event);
        await(event.robot(), true);
    }

    @Override
    public LociRuntime read() {
        if (unsettled) {
            runtime.flush(); // the node has handed every message to the runtime; wait until it is committed
            unsettled = false;
            settles++;
        }
        return runtime;
    }

    @Override
    public long settles() {
        return settles;
    }

    Counts counts() {
        long sent = 0;
        long handled = 0;
        for (RobotId robot : publishers.keySet()) {
            sent += publishers.get(robot).sent();
            handled += node.inputsHandled(robot.name());
        }
        return new Counts(sent, handled, dropped, node.rejections().total());
    }

    private RobotSensorPublisher publisher(RobotId robot) {
        RobotSensorPublisher publisher = publishers.get(robot);
        if (publisher == null) {
            throw new IllegalArgumentException("robot " + robot + " is not one of " + publishers.keySet());
        }
        return publisher;
    }

    private void await(RobotId robot, boolean reliable) {
        unsettled = true;
        long want = expected.merge(robot, 1L, Long::sum);
        if (DeliveryWait.until(() -> node.inputsHandled(robot.name()) >= want,
                reliable ? RELIABLE_TIMEOUT : SENSOR_TIMEOUT)) {
            return;
        }
        if (reliable) {
            throw new DeliveryTimeoutException("reliable message of " + robot + " to the memory node", want,
                    node.inputsHandled(robot.name()), RELIABLE_TIMEOUT);
        }
        dropped++;
        expected.merge(robot, -1L, Long::sum);
        LOG.warn("a best-effort sensor message of {} did not reach the memory node within {} ms: counted as dropped "
                + "[{} so far]", robot, SENSOR_TIMEOUT.toMillis(), dropped);
    }

    private static Pose flat(Pose pose) {
        return new Pose(new Vec3(pose.position().x(), pose.position().y(), 0), pose.orientation());
    }

    @Override
    public void close() {
        for (RosNode robotNode : robotNodes) {
            robotNode.close();
        }
        node.close();
    }
}
