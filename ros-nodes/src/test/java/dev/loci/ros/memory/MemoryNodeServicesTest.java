package dev.loci.ros.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.spatial.geometry.Vec3;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import loci_msgs.msg.dds.ObjectList;
import loci_msgs.msg.dds.ObjectListPubSubType;
import loci_msgs.msg.dds.RobotState;
import loci_msgs.msg.dds.TaskEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import visualization_msgs.msg.dds.MarkerArray;
import visualization_msgs.msg.dds.MarkerArrayPubSubType;

class MemoryNodeServicesTest {
    @TempDir
    Path dir;

    @Test
    void observationsFromARobotOverDdsAreAnsweredByEveryService() throws Exception {
        try (MemoryNodeFixture f = new MemoryNodeFixture(dir)) {
            f.publishUntil("detections", () -> f.robot1.detections.publish(RobotSide.detections("robot_1", 10,
                    "mug", 2.0, 0.0, 0.8, "chair", 3.0, 1.0, 0.0)),
                    () -> !f.runtime.objectsOfClass("mug").isEmpty() && !f.runtime.objectsOfClass("chair").isEmpty());
            f.publishUntil("odometry", () -> f.robot1.odometry.publish(RobotSide.odometry(11, 1.5, 0.0)),
                    () -> f.runtime.profile(dev.loci.spatial.provenance.RobotId.of("robot_1")).get().value().pose()
                            .position().x() == 1.5);
            RobotState state = new RobotState();
            state.getHeader().getStamp().setSec(12);
            state.setRobot("robot_1");
            state.setStatus("busy");
            state.setBattery(0.5);
            state.getPose().getPosition().set(1.5, 0, 0);
            f.publishUntil("robot state", () -> f.robot1.state.publish(state), () -> f.runtime.profile(
                    dev.loci.spatial.provenance.RobotId.of("robot_1")).get().value().battery() == 0.5);
            TaskEvent event = new TaskEvent();
            event.getHeader().getStamp().setSec(13);
            event.setRobot("robot_1");
            event.setKind("started");
            event.setTaskId("fetch_1");
            event.setDescription("fetch the mug from the kitchen table");
            f.publishUntil("task event", () -> f.robot1.tasks.publish(event), () -> !f.runtime.events(
                    dev.loci.episodic.event.EventQuery.window(dev.loci.spatial.provenance.Timestamp.ZERO,
                            dev.loci.spatial.provenance.Timestamp.ofSeconds(100))).isEmpty());

            var whereIs = f.call(LociServiceTypes.WHERE_IS, "where_is", q -> {
                q.setClassId("mug");
                q.getOrigin().set(0, 0, 0);
            });
            assertThat(whereIs.getOk()).isTrue();
            assertThat(whereIs.getObjects()).hasSize(1);
            assertThat(whereIs.getObjects().get(0).getClassIdAsString()).isEqualTo("mug");
            assertThat(whereIs.getObjects().get(0).getPosition().getX()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(whereIs.getObjects().get(0).getLastSeenByAsString()).isEqualTo("robot_1");

            var near = f.call(LociServiceTypes.OBJECTS_NEAR, "objects_near", q -> {
                q.getCenter().set(3, 1, 0);
                q.setRadius(0.5);
            });
            assertThat(near.getOk()).isTrue();
            assertThat(near.getObjects()).extracting(o -> o.getClassIdAsString()).containsExactly("chair");

            var recall = f.call(LociServiceTypes.RECALL, "recall", q -> {
                q.setMode("time");
                q.getSince().setSec(0);
                q.getUntil().setSec(100);
                q.setRobot("robot_1");
            });
            assertThat(recall.getOk()).as(recall.getErrorAsString()).isTrue();
            assertThat(recall.getEvents()).extracting(e -> e.getDescriptionAsString())
                    .contains("fetch the mug from the kitchen table");

            var snapshots = f.call(LociServiceTypes.SNAPSHOTS_FOR, "snapshots_for", q -> q.getClasses().add("mug"));
            assertThat(snapshots.getOk()).as(snapshots.getErrorAsString()).isTrue();

            var frontiers = f.call(LociServiceTypes.FRONTIERS, "frontiers", q -> q.setMaxResults(5));
            assertThat(frontiers.getOk()).isTrue();
            assertThat(frontiers.getFrontiers().size()).isLessThanOrEqualTo(5);

            var past = f.call(LociServiceTypes.STATE_AT, "state_at", q -> q.getStamp().setSec(10));
            assertThat(past.getOk()).as(past.getErrorAsString()).isTrue();
            assertThat(past.getObjects()).extracting(o -> o.getClassIdAsString()).contains("mug", "chair");
            var before = f.call(LociServiceTypes.STATE_AT, "state_at", q -> q.getStamp().setSec(5));
            assertThat(before.getObjects()).isEmpty();

            var profiles = f.call(LociServiceTypes.ROBOT_PROFILES, "robot_profiles", q -> { });
            assertThat(profiles.getOk()).isTrue();
            assertThat(profiles.getRobots()).extracting(r -> r.getRobotAsString()).containsExactlyInAnyOrder("robot_1", "robot_2");
            var r1 = profiles.getRobots().stream().filter(r -> r.getRobotAsString().equals("robot_1")).findFirst().get();
            assertThat(r1.getStatusAsString()).isEqualTo("busy");
            assertThat(r1.getBattery()).isEqualTo(0.5);

            var tool = f.call(LociServiceTypes.TOOL_CALL, "tool_call", q -> {
                q.setTool("count_objects_of_class");
                q.setArgumentsJson("{\"class\": \"mug\"}");
            });
            assertThat(tool.getOk()).isTrue();
            assertThat(tool.getResultJsonAsString()).isEqualTo("{\"count\": 1}");

            assertThat(f.memory.rejections().total()).isZero();
        }
    }

    @Test
    void mapMarkersAndNearbyObjectsArePublishedForLateJoiners() throws Exception {
        try (MemoryNodeFixture f = new MemoryNodeFixture(dir)) {
            f.publishUntil("detections", () -> f.robot1.detections.publish(RobotSide.detections("robot_1", 10,
                    "mug", 2.0, 0.0, 0.8)), () -> !f.runtime.objectsOfClass("mug").isEmpty());
            f.publishUntil("odometry", () -> f.robot1.odometry.publish(RobotSide.odometry(11, 1.5, 0.0)),
                    () -> f.memory.rosNode() != null && f.runtime.objectsWithin(new Vec3(1.5, 0, 0), 3).size() == 1
                            && f.runtime.profile(dev.loci.spatial.provenance.RobotId.of("robot_1")).get().value()
                            .pose().position().x() == 1.5);
            LaserScanMessage scan = new LaserScanMessage();
            scan.sec = 12;
            scan.frameId = "laser";
            scan.angleMin = (float) -Math.PI;
            scan.angleIncrement = (float) (2 * Math.PI / 720);
            scan.angleMax = scan.angleMin + 719 * scan.angleIncrement;
            scan.rangeMin = 0.05f;
            scan.rangeMax = 10;
            scan.ranges = new float[720]; // more beams than the generated LaserScan type could carry
            java.util.Arrays.fill(scan.ranges, 2.0f); // a round room of radius 2 m around the robot
            scan.ranges[0] = Float.NaN; // REP 117 "no measurement": skipped, not a reason to refuse the scan
            RosPublisher<LaserScanMessage> scans = f.robot1.node.publisher("scan", new LaserScanType(), RosQos.DEFAULT);
            f.publishUntil("a laser scan", () -> scans.publish(scan), () -> f.runtime.occupancyGrid().cellCount() > 100);
            assertThat(f.runtime.occupancyGrid().cellCount()).isGreaterThan(100); // more than the generated type could carry
            var frontiers = f.call(LociServiceTypes.FRONTIERS, "frontiers", q -> q.setMaxResults(100));
            assertThat(frontiers.getOk()).isTrue();
            assertThat(frontiers.getFrontiers().size()).isEqualTo(Math.min(100, f.runtime.frontiers().size()));
            if (!f.runtime.frontiers().isEmpty()) {
                assertThat(frontiers.getFrontiers().get(0).getId()).isEqualTo(f.runtime.frontiers().get(0).id());
            }
            f.memory.publishNow();

            List<ObjectList> nearby = new CopyOnWriteArrayList<>();
            List<MarkerArray> markers = new CopyOnWriteArrayList<>();
            List<GridMessage> maps = new CopyOnWriteArrayList<>();
            f.robot1.node.subscribe("nearby_objects", new ObjectListPubSubType(), RosQos.LATCHED, nearby::add);
            f.planner.subscribe("markers", new MarkerArrayPubSubType(), RosQos.LATCHED, markers::add);
            f.planner.subscribe("map", new OccupancyGridType(), RosQos.LATCHED, maps::add);
            MemoryNodeFixture.await("nearby objects of robot_1",
                    () -> nearby.stream().anyMatch(l -> l.getObjects().size() == 1));
            ObjectList list = nearby.stream().filter(l -> l.getObjects().size() == 1).findFirst().get();
            assertThat(list.getRobotAsString()).isEqualTo("robot_1");
            assertThat(list.getObjects().get(0).getClassIdAsString()).isEqualTo("mug");
            MemoryNodeFixture.await("markers", () -> markers.stream().anyMatch(m -> m.getMarkers().size() == 2));
            MarkerArray array = markers.stream().filter(m -> m.getMarkers().size() == 2).findFirst().get();
            assertThat(array.getMarkers().get(0).getAction()).isEqualTo(3);
            assertThat(array.getMarkers().get(1).getNsAsString()).isEqualTo("mug");
            MemoryNodeFixture.await("map", () -> !maps.isEmpty());
            MemoryNodeFixture.await("the map with the scan", () -> maps.get(maps.size() - 1).grid().cellCount() > 100);
            var sent = f.runtime.occupancyGrid();
            var got = maps.get(maps.size() - 1).grid();
            assertThat(got.width()).isEqualTo(sent.width());
            assertThat(got.height()).isEqualTo(sent.height());
            assertThat(got.data()).isEqualTo(sent.data());
            assertThat(got.originX()).isEqualTo(sent.originX());
            assertThat(got.resolution()).isCloseTo(sent.resolution(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(maps.get(0).frameId()).isEqualTo("map");
        }
    }

    @Test
    void repliesAreClippedToTheBoundsOfTheSrvAndStillAnswered() throws Exception {
        try (MemoryNodeFixture f = new MemoryNodeFixture(dir)) {
            java.util.List<dev.loci.spatial.observation.Observation> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                batch.add(dev.loci.spatial.observation.Observation.of(dev.loci.spatial.provenance.RobotId.of("robot_1"),
                        dev.loci.spatial.provenance.Timestamp.ofSeconds(1), "camera", dev.loci.spatial.geometry.Pose.IDENTITY,
                        "mug", dev.loci.spatial.geometry.Aabb.centered(new Vec3((i % 20) * 2.0, (i / 20) * 2.0, 0),
                                new Vec3(0.1, 0.1, 0.1)), 0.9));
            }
            f.runtime.ingestAll(batch).join();
            var near = f.call(LociServiceTypes.OBJECTS_NEAR, "objects_near", q -> q.setRadius(100));
            assertThat(near.getOk()).as(near.getErrorAsString()).isTrue();
            assertThat(near.getObjects()).hasSize(256);
            var whereIs = f.call(LociServiceTypes.WHERE_IS, "where_is", q -> {
                q.setClassId("mug");
                q.setMaxResults(1000);
            });
            assertThat(whereIs.getObjects()).hasSize(64);
        }
    }
}
