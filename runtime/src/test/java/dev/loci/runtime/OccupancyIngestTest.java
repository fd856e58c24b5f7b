package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.testing.TwoRooms;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two 5 m x 5 m rooms side by side, a 1 m door between them, scanned by a 360-beam lidar. */
class OccupancyIngestTest {
    private static final RobotId ROBOT = RobotId.of("scout");
    @TempDir
    Path dir;
    private long scanId;

    private RangeScan scanFrom(double x, double y, long second) {
        return TwoRooms.scan(++scanId, x, y, second);
    }

    @Test
    void mapsTwoRoomsPlansThroughTheDoorAndKeepsTheMapAcrossReopen() throws Exception {
        OccupancyGrid before;
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            runtime.ingestScan(scanFrom(2.5, 2.5, 1)).get();
            assertThat(runtime.frontiers()).as("the door opens onto unknown space").isNotEmpty();
            for (double[] at : new double[][] {{5, 2.5}, {7.5, 2.5}, {1, 1}, {9, 4}, {1, 4}, {9, 1}, {4, 4.5},
                    {6, 0.5}}) {
                runtime.ingestScan(scanFrom(at[0], at[1], 2)).get();
            }
            assertThat(runtime.frontiers()).as("everything reachable was scanned").isEmpty();
            OccupancyGrid grid = runtime.occupancyGrid();
            assertThat(grid.value(grid.column(2.5), grid.row(2.5))).isBetween(0, 20);
            assertThat(grid.value(grid.column(5.0), grid.row(1.0))).as("the wall").isGreaterThan(50);
            double throughDoor = runtime.pathDistance(new Vec3(2.5, 1, 0), new Vec3(7.5, 1, 0)).orElseThrow();
            assertThat(throughDoor).as("around the wall, through the door").isBetween(5.5, 8.0);
            var places = runtime.places();
            int left = places.placeAt(new Vec3(2.5, 2.5, 0)).orElseThrow().id();
            int right = places.placeAt(new Vec3(7.5, 2.5, 0)).orElseThrow().id();
            assertThat(left).isNotEqualTo(right);
            before = grid;
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            assertThat(runtime.occupancyGrid()).isEqualTo(before);
            assertThat(runtime.frontiers()).isEmpty();
        }
    }

    @Test
    void anObjectBehindAWallIsNotMissedByACameraThatCannotSeeIt() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (double[] at : new double[][] {{2.5, 2.5}, {7.5, 2.5}, {5, 2.5}}) {
                runtime.ingestScan(scanFrom(at[0], at[1], 1)).get();
            }
            Vec3 mug = new Vec3(6.5, 1.0, 0.8);
            Pose inRoomB = Pose.of(8.5, 1.0, 0.8, Math.PI);
            Observation seen = Observation.of(ROBOT, Timestamp.ofSeconds(2), "camera", inRoomB, "mug",
                    Aabb.centered(mug, new Vec3(0.1, 0.1, 0.1)), 0.9);
            runtime.ingestFrame(new SensorFrame(ROBOT, Timestamp.ofSeconds(2), "camera", inRoomB, FieldOfView.RGBD,
                    List.of(seen), Optional.empty())).get();
            // From room A, looking at the wall that stands between the camera and the mug.
            Pose inRoomA = Pose.of(3.0, 1.0, 0.8, 0);
            for (int i = 0; i < 20; i++) {
                runtime.ingestFrame(new SensorFrame(ROBOT, Timestamp.ofSeconds(3 + i), "camera", inRoomA,
                        FieldOfView.RGBD, List.of(), Optional.empty())).get();
            }
            RememberedObject after = runtime.nearestOfClass(mug, "mug", 1).get(0);
            assertThat(after.status()).isEqualTo(ObjectStatus.PRESENT);
            assertThat(after.misses()).isZero();
            assertThat(FieldOfView.RGBD.contains(inRoomA, mug)).as("it is in the view cone").isTrue();
            assertThat(runtime.framesSeeing(mug, 100, Optional.empty())).as("only frames that really saw it")
                    .hasSize(1);
        }
    }
}
