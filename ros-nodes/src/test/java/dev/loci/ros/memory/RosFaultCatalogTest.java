package dev.loci.ros.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.RobotStatePubSubType;
import loci_msgs.msg.dds.TaskEventPubSubType;
import nav_msgs.msg.dds.OdometryPubSubType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ROS 2 rows of docs/bad-inputs.md (surface {@code ros}): DDS faults against a memory node over real DDS.
 * A lossy, reordering sensor stream (the node's sensor topics best effort): every out-of-order message is
 * refused and counted as "time went backwards", and memory holds exactly the messages that arrived in order;
 * a peer writing random bytes under a real type name on the node's topics: every sample is counted (malformed,
 * or refused by field) and memory is unchanged. In every case the node keeps serving and takes good input
 * again once the fault stops.
 */
class RosFaultCatalogTest {
    private static final int STREAM = 150;
    private static final int GARBAGE_COUNTED = 20;
    private static final String ROBOT = "robot_1";
    private static long tried;

    @TempDir
    Path dir;

    interface FaultCase {
        void run(MemoryNodeFixture f) throws Exception;
    }

    static Map<String, FaultCase> catalog() {
        Map<String, FaultCase> cases = new TreeMap<>();
        cases.put("lost-sensor-messages", f -> faultyStream(f, 0.3, 0.0, 1));
        cases.put("reordered-sensor-messages", f -> faultyStream(f, 0.0, 0.25, 2));
        cases.put("lost-and-reordered-sensor-messages", f -> faultyStream(f, 0.3, 0.25, 3));
        cases.put("garbage-detections", f -> garbage(f, "detections", new DetectionArrayPubSubType().getName()));
        cases.put("garbage-odometry", f -> garbage(f, "odom", new OdometryPubSubType().getName()));
        cases.put("garbage-robot-state", f -> garbage(f, "robot_state", new RobotStatePubSubType().getName()));
        cases.put("garbage-task-events", f -> garbage(f, "task_events", new TaskEventPubSubType().getName()));
        return cases;
    }

    static Stream<String> caseIds() {
        return catalog().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseIds")
    void aDdsFaultIsCountedChangesNothingElseAndTheNodeRecovers(String id) throws Exception {
        try (MemoryNodeFixture f = new MemoryNodeFixture(dir, "sensor")) {
            catalog().get(id).run(f);
            var answer = f.call(LociServiceTypes.WHERE_IS, "where_is", q -> q.setClassId("crate"));
            assertThat(answer.getOk()).as("the node still serves after %s", id).isTrue();
            System.out.printf("ros fault %s: rejections by reason %s, malformed samples %d%n", id,
                    f.memory.rejections().byReason(), f.memory.rosNode().malformedSamples());
        }
    }

    @Test
    void everyRosRowOfTheCatalogDocumentHasATestAndEveryTestARow() throws Exception {
        Path doc = Path.of("..", "docs", "bad-inputs.md");
        Pattern row = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*ros\\s*\\|");
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertThat(documented).isEqualTo(catalog().keySet());
    }

    @AfterAll
    static void printCount() {
        System.out.println("bad inputs tried over ROS 2 (DDS faults): " + tried + " messages");
    }

    /**
     * Sends a detection stream through a faulty link: each message dropped with {@code dropRate}, neighbours
     * swapped with {@code swapRate}; then a clean stream. The node may only keep what arrived in order.
     */
    private static void faultyStream(MemoryNodeFixture f, double dropRate, double swapRate, long seed)
            throws Exception {
        f.publishUntil("a first detection", () -> f.robot1.detections.publish(detection(1, "warmup")),
                () -> storedIds(f).contains("warmup"));
        Random random = new Random(seed);
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < STREAM; i++) {
            if (random.nextDouble() >= dropRate) {
                sent.add(i);
            }
        }
        for (int k = 0; k + 1 < sent.size(); k++) {
            if (random.nextDouble() < swapRate) {
                Collections.swap(sent, k, k + 1);
                k++;
            }
        }
        Set<String> expected = new TreeSet<>(Set.of("warmup"));
        int newest = 1;
        int outOfOrder = 0;
        for (int i : sent) {
            if (10 + i >= newest) {
                expected.add("m" + i);
                newest = 10 + i;
            } else {
                outOfOrder++;
            }
        }
        long backwardsBefore = backwards(f);
        for (int i : sent) {
            f.robot1.detections.publish(detection(10 + i, "m" + i));
            tried++;
            Thread.sleep(3); // a sensor rate, not a burst: loss and order are the injected fault's, not DDS's
        }
        int clean = 20;
        for (int j = 0; j < clean; j++) {
            f.robot1.detections.publish(detection(10 + STREAM + j, "clean" + j));
            expected.add("clean" + j);
            Thread.sleep(3);
        }
        int refusedOutOfOrder = outOfOrder;
        MemoryNodeFixture.await("every in-order message stored and every out-of-order one refused",
                () -> storedIds(f).size() >= expected.size() && backwards(f) - backwardsBefore >= refusedOutOfOrder);
        f.runtime.flush();
        assertThat(storedIds(f)).as("memory holds exactly what arrived in order").isEqualTo(expected);
        assertThat(backwards(f) - backwardsBefore).as("out-of-order messages refused and counted")
                .isEqualTo(outOfOrder);
        if (dropRate > 0) {
            assertThat(sent.size()).as("messages were dropped").isLessThan(STREAM);
        }
        if (swapRate > 0) {
            assertThat(outOfOrder).as("messages were reordered").isPositive();
        }
    }

    /** A peer publishing random bytes under {@code typeName} on the robot's {@code topic}. */
    private static void garbage(MemoryNodeFixture f, String topic, String typeName) throws Exception {
        f.publishUntil("a first detection", () -> f.robot1.detections.publish(detection(1, "before")),
                () -> storedIds(f).contains("before"));
        f.runtime.flush();
        String memoryBefore = memoryDigest(f);
        long countedBefore = counted(f);
        RosNode peer = new RosNode("hostile_peer", "/" + ROBOT, f.domain);
        try {
            RosPublisher<RandomPayloadType.Garbage> raw = peer.publisher(topic, new RandomPayloadType(typeName),
                    RosQos.DEFAULT);
            Random random = new Random(topic.hashCode());
            // Only a few random samples a second get through the DDS layer here (the rest are dropped on the way,
            // best effort, or on a loaded machine): ask for a few dozen, not hundreds.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (counted(f) - countedBefore < GARBAGE_COUNTED) {
                assertThat(System.nanoTime()).as("garbage on %s reached the node and was counted", topic)
                        .isLessThan(deadline);
                for (int k = 0; k < 5; k++) {
                    raw.publish(RandomPayloadType.Garbage.random(random));
                    tried++;
                }
                Thread.sleep(20);
            }
        } finally {
            peer.close();
        }
        f.runtime.flush();
        assertThat(memoryDigest(f)).as("memory after random bytes on %s", topic).isEqualTo(memoryBefore);
        f.publishUntil("a good detection after the garbage", () -> f.robot1.detections.publish(detection(2, "after")),
                () -> storedIds(f).contains("after"));
    }

    private static DetectionArray detection(int sec, String id) {
        double x = 1 + (sec % 20) * 0.4;
        double y = 1 + (sec / 20 % 20) * 0.4;
        DetectionArray array = RobotSide.detections(ROBOT, sec, "crate", x, y, 0.3);
        array.getDetections().get(0).setId(id);
        return array;
    }

    private static Set<String> storedIds(MemoryNodeFixture f) {
        return f.runtime.observationsWithin(new Vec3(0, 0, 0), 100, Optional.of(RobotId.of(ROBOT))).stream()
                .map(o -> o.attributes().get("detection_id")).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long backwards(MemoryNodeFixture f) {
        return f.memory.rejections().count("detections: time went backwards");
    }

    /** Samples the node refused: undecodable ones and ones refused by field. */
    private static long counted(MemoryNodeFixture f) {
        return f.memory.rosNode().malformedSamples() + f.memory.rejections().total();
    }

    private static String memoryDigest(MemoryNodeFixture f) {
        var stats = f.runtime.stats();
        return stats.observations() + " observations, " + stats.objects() + " objects, " + stats.events()
                + " events, profiles " + f.runtime.profiles().stream()
                .map(p -> p.value().id().name() + "@" + p.version()).sorted().toList();
    }
}
