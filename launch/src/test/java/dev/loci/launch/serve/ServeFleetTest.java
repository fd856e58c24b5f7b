package dev.loci.launch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.launch.LociCommand;
import dev.loci.ros.memory.LociServiceTypes;
import dev.loci.ros.service.ServiceClient;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.fleet.MemoryDigest;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import loci_msgs.msg.dds.Detection;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.WhereIsRequest;
import loci_msgs.msg.dds.WhereIsResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code loci serve} processes (separate JVMs, separate DDS participants) on one random ROS domain, each with
 * fleet memory on and its own robot: each ingests only its own robot's detections from ROS 2, and each ends up
 * answering where_is for what the other one saw; stopped with SIGTERM, both stores hold the same shared memory.
 */
class ServeFleetTest {
    private static final int BULK = 20;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final int domain = 100 + ThreadLocalRandom.current().nextInt(100);

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoServeNodesWithFleetOnConvergeOnWhatEachIngestedOverRos2() throws Exception {
        Process siteA = serve("site_a", "robot_1");
        Process siteB = serve("site_b", "robot_2");
        RosDomain ros = new RosDomain(domain);
        try (RosNode robot1 = new RosNode("robot_stack", "/robot_1", ros);
             RosNode robot2 = new RosNode("robot_stack", "/robot_2", ros);
             RosNode planner = new RosNode("planner", "/", ros)) {
            RosPublisher<DetectionArray> detections1 = robot1.publisher("detections", new DetectionArrayPubSubType(),
                    RosQos.DEFAULT);
            RosPublisher<DetectionArray> detections2 = robot2.publisher("detections", new DetectionArrayPubSubType(),
                    RosQos.DEFAULT);
            ServiceClient<WhereIsRequest, WhereIsResponse> whereA =
                    new ServiceClient<>(planner, "/site_a/where_is", LociServiceTypes.WHERE_IS);
            ServiceClient<WhereIsRequest, WhereIsResponse> whereB =
                    new ServiceClient<>(planner, "/site_b/where_is", LociServiceTypes.WHERE_IS);
            int[] stamp = {1};
            // until each node has its robot's first detection: its subscription is matched, later ones arrive
            untilKnown(whereA, "mug", () -> detections1.publish(detections("robot_1", stamp[0]++, "mug", 1, 1)));
            untilKnown(whereB, "chair", () -> detections2.publish(detections("robot_2", stamp[0]++, "chair", 5, 1)));
            for (int i = 0; i < BULK; i++) {
                detections1.publish(detections("robot_1", stamp[0], "cup", 1 + i * 0.5, 2));
                detections2.publish(detections("robot_2", stamp[0]++, "book", 5 + i * 0.5, 2));
            }
            // the last write of each node: once the other node has it, it has everything before it (origin order)
            detections1.publish(detections("robot_1", stamp[0], "flag_a", 0, 0));
            detections2.publish(detections("robot_2", stamp[0], "flag_b", 9, 9));
            for (String label : List.of("flag_a", "flag_b", "mug", "chair", "cup", "book")) {
                untilKnown(whereA, label, () -> { });
                untilKnown(whereB, label, () -> { });
            }
        }
        for (Process p : List.of(siteA, siteB)) {
            p.destroy(); // SIGTERM: serve closes link, node and store before the JVM exits
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        for (String site : List.of("site_a", "site_b")) {
            assertThat(Files.readString(dir.resolve(site + ".out"), StandardCharsets.UTF_8))
                    .contains("fleet memory on as origin " + site, "loci serve: stopping");
        }
        MemoryDigest a = digest("site_a");
        MemoryDigest b = digest("site_b");
        System.out.println("serve fleet on domain " + domain + ": site_a " + a + ", site_b " + b);
        // 1+ mug, 1+ chair, 20 cups, 20 books, 2 flags; the two robots' profiles
        assertThat(a.observations()).isGreaterThanOrEqualTo(2 + 2 * BULK + 2);
        assertThat(a.profiles()).isEqualTo(2);
        assertThat(b).isEqualTo(a);
    }

    private Process serve(String site, String robot) throws Exception {
        Path params = dir.resolve(site + ".params.yaml");
        Files.writeString(params, """
                loci_memory:
                  ros__parameters:
                    robots: [%s]
                    sensor_qos: default
                    fleet:
                      enabled: true
                      robot_id: %s
                """.formatted(robot, site));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LociCommand.class.getName(), "serve", "--params", params.toString(), "--namespace", "/" + site,
                "--data", dir.resolve(site).toString(), "--heartbeat-timeout-ms", "600000")
                .redirectErrorStream(true).redirectOutput(dir.resolve(site + ".out").toFile());
        builder.environment().put("ROS_DOMAIN_ID", Integer.toString(domain));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private MemoryDigest digest(String site) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir.resolve(site), LociConfig.DEFAULT)) {
            String other = site.equals("site_a") ? "robot_2" : "robot_1";
            assertThat(memory.observationsWithin(new Vec3(5, 5, 0), 20, Optional.of(RobotId.of(other))))
                    .as("%s holds observations of %s, which only the other node ingested", site, other).isNotEmpty();
            return memory.fleet(RobotId.of(site)).digest().get(10, TimeUnit.SECONDS);
        }
    }

    private static void untilKnown(ServiceClient<WhereIsRequest, WhereIsResponse> whereIs, String label,
                                   Runnable meanwhile) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            meanwhile.run();
            WhereIsResponse reply = whereIs.callUntilAnswered(q -> {
                q.setClassId(label);
                q.setMaxResults(1);
            }, Duration.ofMillis(300), Duration.ofSeconds(30));
            if (reply.getOk() && !reply.getObjects().isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(whereIs.service() + " never knew a " + label);
    }

    private static DetectionArray detections(String robot, int sec, String label, double x, double y) {
        DetectionArray array = new DetectionArray();
        array.getHeader().getStamp().setSec(sec);
        array.getHeader().setFrameId("map");
        array.setRobot(robot);
        array.setSensor("front_camera");
        array.getSensorPose().getOrientation().setToZero();
        Detection d = array.getDetections().add();
        d.setClassId(label);
        d.setScore(0.9);
        d.getCenter().getPosition().set(x, y, 0.8);
        d.getCenter().getOrientation().setToZero();
        d.getSize().set(0.1, 0.1, 0.1);
        return array;
    }
}
