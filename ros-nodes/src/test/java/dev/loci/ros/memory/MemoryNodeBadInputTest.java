package dev.loci.ros.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.ros.transport.MessageTooLargeException;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.RuntimeStats;
import java.nio.file.Path;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.RobotState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryNodeBadInputTest {
    @TempDir
    Path dir;

    @Test
    void badInputOverTheWireIsCountedOrAnsweredWithAnErrorAndMemoryIsUnharmed() throws Exception {
        try (MemoryNodeFixture f = new MemoryNodeFixture(dir)) {
            f.publishUntil("a good detection", () -> f.robot1.detections.publish(RobotSide.detections("robot_1", 50,
                    "mug", 2.0, 0.0, 0.8)), () -> !f.runtime.objectsOfClass("mug").isEmpty());
            f.runtime.flush();
            RuntimeStats before = f.runtime.stats();
            InputRejections rejected = f.memory.rejections();

            DetectionArray nan = RobotSide.detections("robot_1", 60, "cup", Double.NaN, 0.0, 0.0);
            f.robot1.detections.publish(nan);
            MemoryNodeFixture.await("NaN rejection", () -> rejected.count("detections: invalid detections[0].center.position.x") >= 1);

            f.robot1.detections.publish(RobotSide.detections("robot_9", 61, "cup", 1.0, 0.0, 0.0));
            MemoryNodeFixture.await("unknown robot rejection", () -> rejected.count("detections: unknown robot") >= 1);

            f.robot1.detections.publish(RobotSide.detections("robot_1", 40, "cup", 1.0, 0.0, 0.0));
            MemoryNodeFixture.await("time going backwards", () -> rejected.count("detections: time went backwards") >= 1);

            RobotState flying = new RobotState();
            flying.getHeader().getStamp().setSec(70);
            flying.setStatus("flying");
            flying.setBattery(0.5);
            f.robot1.state.publish(flying);
            RobotState overcharged = new RobotState();
            overcharged.getHeader().getStamp().setSec(71);
            overcharged.setStatus("idle");
            overcharged.setBattery(Double.POSITIVE_INFINITY);
            f.robot1.state.publish(overcharged);
            MemoryNodeFixture.await("robot state rejections", () -> rejected.count("robot_state: invalid robot status") >= 1
                    && rejected.count("robot_state: invalid battery") >= 1);

            // Oversize from Java: refused at the sender with the field named, never silently dropped.
            DetectionArray tooMany = RobotSide.detections("robot_1", 80);
            for (int i = 0; i < 257; i++) {
                tooMany.getDetections().add().setClassId("cup");
            }
            assertThatThrownBy(() -> f.robot1.detections.publish(tooMany))
                    .isInstanceOf(MessageTooLargeException.class).hasMessageContaining("detections");

            // Oversize and malformed bytes from a peer that does not check bounds.
            // (its own participant: one participant registers one type per type name)
            RosNode peer = new RosNode("careless_peer", "/robot_1", f.domain);
            RosPublisher<HandWrittenDetectionArrayType.Raw> raw = peer.publisher("detections",
                    new HandWrittenDetectionArrayType(), RosQos.DEFAULT);
            HandWrittenDetectionArrayType.Raw longLabel = new HandWrittenDetectionArrayType.Raw();
            longLabel.classId = "x".repeat(200);
            HandWrittenDetectionArrayType.Raw overCount = new HandWrittenDetectionArrayType.Raw();
            overCount.detections = 300;
            overCount.sec = 101;
            HandWrittenDetectionArrayType.Raw garbage = new HandWrittenDetectionArrayType.Raw();
            garbage.garbage = true;
            // Past a bound is malformed: the node's decoder refuses it before any handler sees it.
            long beforeLabel = f.memory.rosNode().malformedSamples();
            f.publishUntil("a string past its bound", () -> raw.publish(longLabel),
                    () -> f.memory.rosNode().malformedSamples() > beforeLabel);
            long beforeCount = f.memory.rosNode().malformedSamples();
            f.publishUntil("a sequence past its bound", () -> raw.publish(overCount),
                    () -> f.memory.rosNode().malformedSamples() > beforeCount);
            long beforeGarbage = f.memory.rosNode().malformedSamples();
            f.publishUntil("bytes that are no DetectionArray", () -> raw.publish(garbage),
                    () -> f.memory.rosNode().malformedSamples() > beforeGarbage);
            assertThat(rejected.count("detections: oversize detections")).as("never reaches the handler").isZero();
            peer.close();

            // Services: bad arguments get ok=false with the value named.
            var emptyClass = f.call(LociServiceTypes.WHERE_IS, "where_is", q -> { });
            assertThat(emptyClass.getOk()).isFalse();
            assertThat(emptyClass.getErrorAsString()).contains("class_id");
            var nanRadius = f.call(LociServiceTypes.OBJECTS_NEAR, "objects_near", q -> q.setRadius(Double.NaN));
            assertThat(nanRadius.getOk()).isFalse();
            assertThat(nanRadius.getErrorAsString()).contains("radius").contains("NaN");
            var badMode = f.call(LociServiceTypes.RECALL, "recall", q -> q.setMode("dance"));
            assertThat(badMode.getErrorAsString()).contains("mode").contains("dance");
            var badRobot = f.call(LociServiceTypes.RECALL, "recall", q -> {
                q.setMode("time");
                q.getUntil().setSec(10);
                q.setRobot("robot 9!");
            });
            assertThat(badRobot.getOk()).isFalse();
            assertThat(badRobot.getErrorAsString()).contains("robot 9!");
            var badStamp = f.call(LociServiceTypes.STATE_AT, "state_at", q -> q.getStamp().setNanosec(2_000_000_000L));
            assertThat(badStamp.getOk()).isFalse();
            assertThat(badStamp.getErrorAsString()).contains("stamp");
            var badTool = f.call(LociServiceTypes.TOOL_CALL, "tool_call", q -> q.setTool("launch_missiles"));
            assertThat(badTool.getOk()).isFalse();
            assertThat(badTool.getErrorAsString()).contains("unknown tool");
            assertThat(f.memory.errorReplies()).isGreaterThanOrEqualTo(6);

            // The node still serves, and memory holds exactly what it held before.
            var stillThere = f.call(LociServiceTypes.WHERE_IS, "where_is", q -> q.setClassId("mug"));
            assertThat(stillThere.getOk()).isTrue();
            assertThat(stillThere.getObjects()).hasSize(1);
            f.runtime.flush();
            RuntimeStats after = f.runtime.stats();
            assertThat(after.observations()).isEqualTo(before.observations());
            assertThat(after.objects()).isEqualTo(before.objects());
            assertThat(f.runtime.objectsOfClass("cup")).isEmpty();
        }
    }
}
