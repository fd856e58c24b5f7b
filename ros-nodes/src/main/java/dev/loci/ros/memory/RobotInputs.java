package dev.loci.ros.memory;

import dev.loci.ros.transport.RosNames;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import geometry_msgs.msg.dds.PoseStamped;
import geometry_msgs.msg.dds.PoseStampedPubSubType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import loci_msgs.msg.dds.Detection;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.RobotState;
import loci_msgs.msg.dds.RobotStatePubSubType;
import loci_msgs.msg.dds.TaskEvent;
import loci_msgs.msg.dds.TaskEventPubSubType;
import nav_msgs.msg.dds.Odometry;
import nav_msgs.msg.dds.OdometryPubSubType;

/**
 * What the robots send: odometry/poses, detections, robot state and task events, subscribed per robot under
 * the robot's namespace and written into memory. Bad input (unknown robot, non-finite numbers, oversize or
 * malformed fields, time going backwards on a stream) is counted in {@link InputRejections} and changes nothing.
 */
final class RobotInputs {
    private final LociRuntime runtime;
    private final MemoryNodeSettings settings;
    private final InputRejections rejections;
    private final Map<String, RobotTrack> tracks = new ConcurrentHashMap<>();
    /** Scan ids only need to be unique; starting from the clock keeps them unique across restarts too. */
    private final java.util.concurrent.atomic.AtomicLong scanIds =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() * 1000);

    /** Per robot: where it was last, and the last stamp of each stream (to refuse time going backwards). */
    static final class RobotTrack {
        final RobotId id;
        volatile Pose pose = Pose.IDENTITY;
        volatile boolean posed;
        final Map<String, Timestamp> lastStamp = new ConcurrentHashMap<>();
        /** Messages handled (applied or refused), all streams: a sender in lockstep waits for this count. */
        final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();
        long lastProfileWriteNanos = Long.MIN_VALUE;

        RobotTrack(RobotId id) {
            this.id = id;
        }
    }

    RobotInputs(LociRuntime runtime, MemoryNodeSettings settings, InputRejections rejections) {
        this.runtime = runtime;
        this.settings = settings;
        this.rejections = rejections;
        for (String robot : settings.robots()) {
            tracks.put(robot, new RobotTrack(RobotId.of(robot)));
        }
    }

    void subscribe(RosNode node) {
        for (String robot : settings.robots()) {
            String ns = "/" + robot;
            RosQos sensor = settings.sensorQos();
            subscribeIfNamed(node, ns, "odom", new OdometryPubSubType(), sensor, (Odometry m) -> {
                onOdometry(robot, m);
                handledOne(robot);
            });
            subscribeIfNamed(node, ns, "pose", new PoseStampedPubSubType(), sensor, (PoseStamped m) -> {
                onPose(robot, m);
                handledOne(robot);
            });
            subscribeIfNamed(node, ns, "detections", new DetectionArrayPubSubType(), sensor,
                    (DetectionArray m) -> {
                        onDetections(robot, m);
                        handledOne(robot);
                    });
            subscribeIfNamed(node, ns, "scan", new LaserScanType(), sensor, (LaserScanMessage m) -> {
                onScan(robot, m);
                handledOne(robot);
            });
            subscribeIfNamed(node, ns, "robot_state", new RobotStatePubSubType(), RosQos.DEFAULT,
                    (RobotState m) -> {
                        onRobotState(robot, m);
                        handledOne(robot);
                    });
            subscribeIfNamed(node, ns, "task_events", new TaskEventPubSubType(), RosQos.DEFAULT,
                    (TaskEvent m) -> {
                        onTaskEvent(robot, m);
                        handledOne(robot);
                    });
        }
    }

    private <T> void subscribeIfNamed(RosNode node, String robotNamespace, String key,
                                      us.ihmc.pubsub.TopicDataType<T> type, RosQos qos, java.util.function.Consumer<T> handler) {
        String name = settings.topic(key);
        if (name == null || name.isEmpty()) {
            return; // an empty topic parameter switches that input off
        }
        String topic = RosNames.resolve(robotNamespace, node.name(), name);
        node.subscribe(topic, type, qos, handler);
    }

    /** Messages from {@code robot} handled so far (applied or refused), on every input stream. */
    long handled(String robot) {
        RobotTrack track = tracks.get(robot);
        return track == null ? 0 : track.handled.get();
    }

    private void handledOne(String robot) {
        RobotTrack track = tracks.get(robot);
        if (track != null) {
            track.handled.incrementAndGet();
        }
    }

    Optional<Pose> lastPose(String robot) {
        RobotTrack track = tracks.get(robot);
        return track != null && track.posed ? Optional.of(track.pose) : Optional.empty();
    }

    void onOdometry(String robot, Odometry message) {
        guarded("odometry", () -> {
            Timestamp time = Stamps.toTimestamp("header.stamp", message.getHeader().getStamp());
            Pose pose = Poses.pose("pose.pose", message.getPose().getPose());
            moveTo(robot, "odometry", time, pose);
        });
    }

    void onPose(String robot, PoseStamped message) {
        guarded("pose", () -> {
            Timestamp time = Stamps.toTimestamp("header.stamp", message.getHeader().getStamp());
            moveTo(robot, "pose", time, Poses.pose("pose", message.getPose()));
        });
    }

    private void moveTo(String robot, String stream, Timestamp time, Pose pose) {
        RobotTrack track = advance(robot, stream, time);
        track.pose = pose;
        track.posed = true;
        synchronized (track) {
            long now = System.nanoTime();
            if (track.lastProfileWriteNanos != Long.MIN_VALUE
                    && now - track.lastProfileWriteNanos < settings.poseUpdatePeriod().toNanos()) {
                return; // poses stream at sensor rate; memory keeps one per pose_update_period
            }
            track.lastProfileWriteNanos = now;
            RobotProfile profile = profileOf(track);
            runtime.updateProfile(profile.at(pose, time), stream);
        }
    }

    void onDetections(String robot, DetectionArray message) {
        guarded("detections", () -> {
            checkRobotField(robot, message.getRobotAsString());
            // A peer that does not check the .msg bounds can still send past them; the reader does not refuse.
            WireBounds.sequence("detections", message.getDetections().size(), 256);
            WireBounds.string("sensor", message.getSensor(), 64);
            Timestamp time = Stamps.toTimestamp("header.stamp", message.getHeader().getStamp());
            Pose sensorPose = Poses.pose("sensor_pose", message.getSensorPose());
            String sensor = message.getSensorAsString().isEmpty() ? "camera" : message.getSensorAsString();
            List<Observation> batch = new ArrayList<>();
            for (int i = 0; i < message.getDetections().size(); i++) {
                Detection d = message.getDetections().get(i);
                String field = "detections[" + i + "]";
                WireBounds.string(field + ".id", d.getId(), 64);
                WireBounds.string(field + ".class_id", d.getClassId(), 64);
                Aabb box = Aabb.centered(Poses.vec(field + ".center.position", d.getCenter().getPosition()),
                        Poses.vec(field + ".size", d.getSize()));
                Observation o = Observation.of(RobotId.of(robot), time, sensor, sensorPose, d.getClassIdAsString(),
                        box, d.getScore());
                if (!d.getIdAsString().isEmpty()) {
                    o = o.withAttributes(Map.of("detection_id", d.getIdAsString()));
                }
                batch.add(o);
            }
            Optional<dev.loci.spatial.frame.FieldOfView> view = settings.cameraView(robot);
            dev.loci.spatial.frame.SensorFrame frame = view.map(v -> new dev.loci.spatial.frame.SensorFrame(
                    RobotId.of(robot), time, sensor, sensorPose, v, batch, Optional.empty())).orElse(null);
            advance(robot, "detections", time); // only after the whole message validated
            if (frame != null) {
                runtime.ingestFrame(frame); // an empty frame too: what should have been in view was not there
            } else if (!batch.isEmpty()) {
                runtime.ingestAll(batch);
            }
        });
    }

    /**
     * A planar lidar scan, placed at the robot's last pose (odometry/pose) raised by laser_height: the scan's
     * own frame is not looked up (no tf here), so mount the laser at the robot's origin, facing forward.
     */
    void onScan(String robot, LaserScanMessage message) {
        guarded("scan", () -> {
            Timestamp time = Stamps.toTimestamp("header.stamp", message.sec, message.nanosec);
            RobotTrack track = tracks.get(robot);
            if (!track.posed) {
                throw new InvalidValueException("pose", robot, "is not known yet: send odom or pose before scan");
            }
            float[] ranges = message.ranges.clone();
            for (int i = 0; i < ranges.length; i++) {
                if (Float.isNaN(ranges[i])) {
                    ranges[i] = -1; // REP 117: NaN is "no valid measurement"; below range_min, so skipped
                }
            }
            Pose robotPose = track.pose;
            Pose laser = new Pose(robotPose.position().plus(new dev.loci.spatial.geometry.Vec3(0, 0,
                    settings.laserHeight(robot))), robotPose.orientation());
            dev.loci.spatial.occupancy.RangeScan scan = dev.loci.spatial.occupancy.RangeScan.planar(
                    scanIds.incrementAndGet(), time, laser, message.angleMin, message.angleIncrement, ranges,
                    message.rangeMin, message.rangeMax);
            advance(robot, "scan", time);
            runtime.ingestScan(scan);
        });
    }

    void onRobotState(String robot, RobotState message) {
        guarded("robot_state", () -> {
            checkRobotField(robot, message.getRobotAsString());
            WireBounds.string("status", message.getStatus(), 16);
            Timestamp time = Stamps.toTimestamp("header.stamp", message.getHeader().getStamp());
            RobotStatus status = RobotStatus.parse(message.getStatusAsString());
            Pose pose = Poses.pose("pose", message.getPose());
            double battery = message.getBattery();
            if (!(battery >= 0 && battery <= 1)) {
                throw new InvalidValueException("battery", battery, "must be in [0, 1]");
            }
            RobotTrack track = advance(robot, "robot_state", time);
            synchronized (track) {
                RobotProfile profile = profileOf(track).withStatus(status).withBattery(battery).at(pose, time);
                runtime.updateProfile(profile, "robot_state");
                track.lastProfileWriteNanos = System.nanoTime();
            }
            track.pose = pose;
            track.posed = true;
        });
    }

    void onTaskEvent(String robot, TaskEvent message) {
        guarded("task_events", () -> {
            checkRobotField(robot, message.getRobotAsString());
            WireBounds.string("kind", message.getKind(), 16);
            WireBounds.string("task_id", message.getTaskId(), 64);
            WireBounds.string("description", message.getDescription(), 1024);
            Timestamp time = Stamps.toTimestamp("header.stamp", message.getHeader().getStamp());
            EventType type = switch (message.getKindAsString()) {
                case "started" -> EventType.TASK_STARTED;
                case "finished" -> EventType.TASK_FINISHED;
                case "failed" -> EventType.TASK_FAILED;
                case "action" -> EventType.ACTION;
                case "custom" -> EventType.CUSTOM;
                default -> throw new InvalidValueException("kind", message.getKindAsString(),
                        "must be one of started, finished, failed, action, custom");
            };
            Event event = Event.of(RobotId.of(robot), time, type, "task_events", message.getDescriptionAsString());
            if (!message.getTaskIdAsString().isEmpty()) {
                event = event.withAttributes(Map.of("task_id", message.getTaskIdAsString()));
            }
            RobotTrack track = tracks.get(robot);
            if (track.posed) {
                event = event.at(track.pose.position());
            }
            advance(robot, "task_events", time);
            runtime.record(event);
        });
    }

    private RobotProfile profileOf(RobotTrack track) {
        return runtime.profile(track.id).map(v -> v.value())
                .orElseGet(() -> settings.profiles().get(track.id.name()));
    }

    private void checkRobotField(String subscribedRobot, String named) {
        if (named.length() > 64) {
            throw new WireBounds.OversizeException("robot", named.length(), 64);
        }
        if (!named.isEmpty() && !named.equals(subscribedRobot)) {
            throw new UnknownRobotException(named, subscribedRobot);
        }
    }

    /** Refuses a stamp older than the last accepted one on the same robot's stream. */
    private RobotTrack advance(String robot, String stream, Timestamp time) {
        RobotTrack track = tracks.get(robot);
        if (track == null) {
            throw new UnknownRobotException(robot, "");
        }
        Timestamp[] refused = new Timestamp[1];
        track.lastStamp.compute(stream, (k, last) -> {
            if (last != null && time.isBefore(last)) {
                refused[0] = last;
                return last;
            }
            return time;
        });
        if (refused[0] != null) {
            throw new TimeWentBackwardsException(stream, time, refused[0]);
        }
        return track;
    }

    private void guarded(String input, Runnable work) {
        try {
            work.run();
        } catch (WireBounds.OversizeException e) {
            rejections.count(input, "oversize " + e.field(), e.getMessage());
        } catch (UnknownRobotException e) {
            rejections.count(input, "unknown robot", e.getMessage());
        } catch (TimeWentBackwardsException e) {
            rejections.count(input, "time went backwards", e.getMessage());
        } catch (InvalidValueException e) {
            rejections.count(input, "invalid " + e.field(), e.getMessage());
        } catch (RuntimeException e) {
            rejections.count(input, "malformed", e.toString());
        }
    }

    static final class UnknownRobotException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownRobotException(String named, String subscribed) {
            super(subscribed.isEmpty() ? "robot '" + named + "' is not in the robots parameter"
                    : "message names robot '" + named + "' on " + subscribed + "'s topic");
        }
    }

    static final class TimeWentBackwardsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeWentBackwardsException(String stream, Timestamp time, Timestamp last) {
            super(stream + " stamp " + time.nanos() + " ns is before the last accepted " + last.nanos() + " ns");
        }
    }
}
