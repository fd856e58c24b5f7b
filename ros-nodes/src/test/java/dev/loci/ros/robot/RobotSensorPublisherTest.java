package dev.loci.ros.robot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.ros.TestDomains;
import dev.loci.ros.memory.MemoryNode;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.memory.ToolCallHandler;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.transport.DeliveryWait;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A robot's sensing published over real DDS and written into a real runtime by the memory node. */
class RobotSensorPublisherTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void whatTheRobotPublishesIsWrittenByTheNodeAsFramesWhenItsCameraIsConfigured() throws Exception {
        RosDomain domain = TestDomains.fresh();
        Map<String, Object> p = new TreeMap<>();
        p.put("robots", List.of("cam_1", "plain_1"));
        p.put("pose_update_period", 3600.0);
        p.put("robot_profiles.cam_1.laser_height", 0.5);
        p.put("robot_profiles.cam_1.camera.horizontal_fov", 1.5);
        p.put("robot_profiles.cam_1.camera.vertical_fov", 1.0);
        p.put("robot_profiles.cam_1.camera.min_range", 0.2);
        p.put("robot_profiles.cam_1.camera.max_range", 5.0);
        MemoryNodeSettings settings = MemoryNodeSettings.from(new RosParameters(p, "test"), "/loci");
        assertThat(settings.laserHeight("cam_1")).isEqualTo(0.5);
        assertThat(settings.laserHeight("plain_1")).isEqualTo(0.3);
        assertThat(settings.cameraView("cam_1")).contains(new FieldOfView(1.5, 1.0, 0.2, 5.0));
        assertThat(settings.cameraView("plain_1")).isEmpty();
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT);
             MemoryNode node = new MemoryNode(runtime, settings, domain,
                     (tool, json) -> ToolCallHandler.ToolReply.failure("none"));
             RosNode camNode = new RosNode("sensors", "/cam_1", domain);
             RosNode plainNode = new RosNode("sensors", "/plain_1", domain)) {
            RobotSensorPublisher cam = new RobotSensorPublisher(camNode, RobotId.of("cam_1"), RosQos.SENSOR);
            RobotSensorPublisher plain = new RobotSensorPublisher(plainNode, RobotId.of("plain_1"), RosQos.SENSOR);
            Timestamp t0 = Timestamp.ofSeconds(1);
            connect(node, cam, t0);
            connect(node, plain, t0);
            long camBefore = node.inputsHandled("cam_1");
            long plainBefore = node.inputsHandled("plain_1");
            Timestamp t1 = Timestamp.ofSeconds(2);

            cam.detections(frame("cam_1", t1, new Vec3(2, 0, 0.8)));
            plain.detections(frame("plain_1", t1, new Vec3(-2, 3, 0.8)));
            cam.scan(t1, -Math.PI, Math.PI / 2, new float[] {1, 2, 3, Float.POSITIVE_INFINITY}, 0.05, 8);
            cam.event(new Event(RobotId.of("cam_1"), t1, EventType.ACTION, "test", "picked mug",
                    new TreeMap<>(Map.of("task", "task_9")), Optional.empty(), List.of()));

            assertThat(DeliveryWait.until(() -> node.inputsHandled("cam_1") == camBefore + 3
                    && node.inputsHandled("plain_1") == plainBefore + 1, WAIT)).isTrue();
            runtime.flush();
            assertThat(node.rejections().total()).isZero();
            assertThat(runtime.stats().frames()).isEqualTo(1); // only the robot with a camera view makes frames
            assertThat(runtime.objectsOfClass("mug")).hasSize(2);
            assertThat(runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(10))))
                    .anyMatch(e -> e.event().description().equals("picked mug")
                            && "task_9".equals(e.event().attributes().get("task_id")));
        }
    }

    private static void connect(MemoryNode node, RobotSensorPublisher robot, Timestamp time) {
        assertThat(DeliveryWait.until(() -> {
            if (node.inputsHandled(robot.robot().name()) == 0) {
                robot.pose(time, Pose.of(0, 0, 0, 0));
            }
            return DeliveryWait.until(() -> node.inputsHandled(robot.robot().name()) > 0, Duration.ofMillis(100));
        }, WAIT)).isTrue();
        DeliveryWait.until(() -> node.inputsHandled(robot.robot().name()) >= robot.sent(), Duration.ofMillis(500));
    }

    private static SensorFrame frame(String robot, Timestamp time, Vec3 mug) {
        Pose camera = Pose.of(0, 0, 1.0, 0);
        Observation seen = Observation.of(RobotId.of(robot), time, "camera", camera, "mug",
                Aabb.centered(mug, new Vec3(0.1, 0.1, 0.12)), 0.9);
        return new SensorFrame(RobotId.of(robot), time, "camera", camera, FieldOfView.RGBD, List.of(seen),
                Optional.empty());
    }
}
