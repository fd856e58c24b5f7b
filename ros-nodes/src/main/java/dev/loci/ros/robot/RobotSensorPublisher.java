package dev.loci.ros.robot;

import dev.loci.episodic.event.Event;
import dev.loci.ros.memory.LaserScanMessage;
import dev.loci.ros.memory.LaserScanType;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import geometry_msgs.msg.dds.PoseStamped;
import geometry_msgs.msg.dds.PoseStampedPubSubType;
import java.util.Locale;
import loci_msgs.msg.dds.Detection;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.RobotState;
import loci_msgs.msg.dds.RobotStatePubSubType;
import loci_msgs.msg.dds.TaskEvent;
import loci_msgs.msg.dds.TaskEventPubSubType;
import builtin_interfaces.msg.dds.Time;
import us.ihmc.euclid.geometry.Pose3D;

/**
 * What one robot sends to the memory node, published from the robot's own node under its namespace on the
 * topics the memory node subscribes to ({@code pose}, {@code scan}, {@code detections} best effort as sensor
 * data; {@code robot_state}, {@code task_events} reliable), stamped with the robot's (here: simulated) time.
 * Counts what it sent, so a sender in lockstep can wait for the node to have handled it.
 */
public final class RobotSensorPublisher {
    private static final long NANOS = 1_000_000_000L;

    private final RobotId robot;
    private final RosPublisher<PoseStamped> pose;
    private final RosPublisher<LaserScanMessage> scan;
    private final RosPublisher<DetectionArray> detections;
    private final RosPublisher<RobotState> state;
    private final RosPublisher<TaskEvent> events;
    private long sent;
    private long sensorSent;

    /** On {@code node}, which is in the robot's namespace {@code /<robot>}; {@code sensorQos} for the sensors. */
    public RobotSensorPublisher(RosNode node, RobotId robot, RosQos sensorQos) {
        this.robot = robot;
        this.pose = node.publisher("pose", new PoseStampedPubSubType(), sensorQos);
        this.scan = node.publisher("scan", new LaserScanType(), sensorQos);
        this.detections = node.publisher("detections", new DetectionArrayPubSubType(), sensorQos);
        this.state = node.publisher("robot_state", new RobotStatePubSubType(), RosQos.DEFAULT);
        this.events = node.publisher("task_events", new TaskEventPubSubType(), RosQos.DEFAULT);
    }

    public RobotId robot() {
        return robot;
    }

    /** Where the robot's base is (the memory node places scans at this pose plus the laser height). */
    public synchronized void pose(Timestamp time, Pose where) {
        PoseStamped m = new PoseStamped();
        stamp(m.getHeader().getStamp(), time);
        m.getHeader().setFrameId("map");
        fill(m.getPose(), where);
        pose.publish(m);
        sent++;
        sensorSent++;
    }

    /** A planar scan (sensor_msgs/LaserScan): beam i at {@code angleMin + i * angleIncrement}, robot frame. */
    public synchronized void scan(Timestamp time, double angleMin, double angleIncrement, float[] ranges,
                                  double rangeMin, double rangeMax) {
        if (ranges.length > LaserScanType.MAX_BEAMS) {
            throw new InvalidValueException("ranges", ranges.length + " beams", "has more than "
                    + LaserScanType.MAX_BEAMS);
        }
        LaserScanMessage m = new LaserScanMessage();
        m.sec = (int) (time.nanos() / NANOS);
        m.nanosec = time.nanos() % NANOS;
        m.frameId = robot.name() + "/laser";
        m.angleMin = (float) angleMin;
        m.angleIncrement = (float) angleIncrement;
        m.angleMax = (float) (angleMin + angleIncrement * Math.max(0, ranges.length - 1));
        m.rangeMin = (float) rangeMin;
        m.rangeMax = (float) rangeMax;
        m.ranges = ranges.clone();
        scan.publish(m);
        sent++;
        sensorSent++;
    }

    /** A detector frame as loci_msgs/DetectionArray (map frame; attributes such as colour do not travel). */
    public synchronized void detections(SensorFrame frame) {
        DetectionArray m = new DetectionArray();
        stamp(m.getHeader().getStamp(), frame.time());
        m.getHeader().setFrameId("map");
        m.setRobot(robot.name());
        m.setSensor(frame.sensor());
        fill(m.getSensorPose(), frame.sensorPose());
        for (Observation o : frame.observations()) {
            Detection d = m.getDetections().add();
            d.setClassId(o.label());
            d.setScore(o.confidence());
            d.getCenter().getPosition().set(o.box().center().x(), o.box().center().y(), o.box().center().z());
            d.getCenter().getOrientation().setToZero();
            d.getSize().set(o.box().size().x(), o.box().size().y(), o.box().size().z());
        }
        detections.publish(m);
        sent++;
        sensorSent++;
    }

    /** The robot's status, battery and pose (loci_msgs/RobotState), at the profile's last heartbeat. */
    public synchronized void state(RobotProfile profile) {
        RobotState m = new RobotState();
        stamp(m.getHeader().getStamp(), profile.lastHeartbeat());
        m.getHeader().setFrameId("map");
        m.setRobot(robot.name());
        m.setStatus(profile.status().name().toLowerCase(Locale.ROOT));
        m.setBattery(profile.battery());
        fill(m.getPose(), profile.pose());
        state.publish(m);
        sent++;
    }

    /** Something that happened in a task (loci_msgs/TaskEvent); the task id from the event's "task" attribute. */
    public synchronized void event(Event event) {
        TaskEvent m = new TaskEvent();
        stamp(m.getHeader().getStamp(), event.time());
        m.setRobot(robot.name());
        m.setKind(switch (event.type()) {
            case TASK_STARTED -> "started";
            case TASK_FINISHED -> "finished";
            case TASK_FAILED -> "failed";
            case ACTION -> "action";
            default -> "custom";
        });
        m.setTaskId(event.attributes().getOrDefault("task", event.attributes().getOrDefault("task_id", "")));
        m.setDescription(event.description());
        events.publish(m);
        sent++;
    }

    /** Messages published so far, all topics. */
    public synchronized long sent() {
        return sent;
    }

    /** Of those, sent best effort (pose, scan, detections). */
    public synchronized long sensorSent() {
        return sensorSent;
    }

    private static void stamp(Time stamp, Timestamp time) {
        stamp.setSec((int) Math.min(Integer.MAX_VALUE, time.nanos() / NANOS));
        stamp.setNanosec(time.nanos() % NANOS);
    }

    private static void fill(Pose3D target, Pose pose) {
        target.getPosition().set(pose.position().x(), pose.position().y(), pose.position().z());
        Quaternion q = pose.orientation();
        target.getOrientation().set(q.x(), q.y(), q.z(), q.w());
    }
}
