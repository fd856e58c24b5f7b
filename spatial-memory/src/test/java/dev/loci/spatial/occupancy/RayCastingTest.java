package dev.loci.spatial.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RayCastingTest {
    private static final double RES = 0.1;

    /** A closed 4 x 3 x 2.5 m room (floor, ceiling, four walls) with a pillar, faces between voxel boundaries. */
    private static BoxWorld closedRoom() {
        return new BoxWorld(List.of(
                box(-0.25, -0.25, -0.25, 4.25, 3.25, 0.05), // floor
                box(-0.25, -0.25, 2.45, 4.25, 3.25, 2.75), // ceiling
                box(-0.25, -0.25, 0.05, 0.05, 3.25, 2.45), // west
                box(3.95, -0.25, 0.05, 4.25, 3.25, 2.45), // east
                box(0.05, -0.25, 0.05, 3.95, 0.05, 2.45), // south
                box(0.05, 2.95, 0.05, 3.95, 3.25, 2.45), // north
                box(2.55, 1.15, 0.05, 2.95, 1.55, 2.45))); // pillar
    }

    @Test
    void aBeamFreesTheVoxelsItCrossesAndMarksTheVoxelItHitsOccupied() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        RangeScan scan = RangeScan.builder(1, Timestamp.ZERO, 0.55, 0.55, 0.55).hit(3.05, 0.55, 0.55).build();

        ScanResult result = map.integrate(scan);

        assertThat(result.occupiedUpdates()).isEqualTo(1);
        assertThat(result.freeUpdates()).isEqualTo(25); // voxels 5..29 in x
        for (double x = 0.55; x < 3.0; x += RES) {
            assertThat(map.stateAt(new Vec3(x, 0.55, 0.55))).as("x=%s", x).isEqualTo(VoxelState.FREE);
        }
        assertThat(map.stateAt(new Vec3(3.05, 0.55, 0.55))).isEqualTo(VoxelState.OCCUPIED);
        assertThat(map.stateAt(new Vec3(3.15, 0.55, 0.55))).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.stateAt(new Vec3(0.45, 0.55, 0.55))).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.stateAt(new Vec3(1.55, 0.65, 0.55))).isEqualTo(VoxelState.UNKNOWN);
    }

    @Test
    void random3dBeamsInAClosedRoomMatchTheGeometry() {
        BoxWorld room = closedRoom();
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        Random random = new Random(7);
        Vec3 sensor = new Vec3(1.23, 1.37, 1.11);
        RangeScan.Builder builder = RangeScan.builder(1, Timestamp.ZERO, sensor);
        Vec3[] directions = new Vec3[800];
        double[] ranges = new double[directions.length];
        for (int i = 0; i < directions.length; i++) {
            directions[i] = randomUnit(random);
            ranges[i] = room.cast(sensor, directions[i], 10);
            builder.hit(sensor.plus(directions[i].times(ranges[i])));
        }

        map.integrate(builder.build());

        double margin = 2 * RES * Math.sqrt(3);
        for (int i = 0; i < directions.length; i++) {
            Vec3 hit = sensor.plus(directions[i].times(ranges[i]));
            assertThat(map.stateAt(hit)).as("hit of beam %d", i).isEqualTo(VoxelState.OCCUPIED);
            for (double t = 0; t < ranges[i]; t += RES / 3) {
                Vec3 p = sensor.plus(directions[i].times(t));
                if (room.clearance(p) > margin) {
                    assertThat(map.stateAt(p)).as("beam %d at %s m", i, t).isEqualTo(VoxelState.FREE);
                }
            }
        }
        // Nothing outside the room is ever reached, and nothing inside the pillar beyond its surface voxels.
        for (int k = 0; k < 2000; k++) {
            Vec3 outside = new Vec3(-3 + random.nextDouble() * 2.7, random.nextDouble() * 3, random.nextDouble() * 2.5);
            assertThat(map.stateAt(outside)).isEqualTo(VoxelState.UNKNOWN);
        }
        assertThat(map.stateAt(new Vec3(2.75, 1.35, 1.0))).isEqualTo(VoxelState.UNKNOWN);
    }

    @Test
    void aBeamWithNoReturnFreesUpToMaxRangeAndMarksNothingOccupied() {
        OccupancySettings settings = OccupancySettings.DEFAULT.withMaxRange(3.0);
        VoxelMap map = VoxelMap.open(new TreeMap<>(), settings);
        RangeScan scan = RangeScan.builder(1, Timestamp.ZERO, 0.05, 0.05, 0.05)
                .noReturn(1, 0, 0)
                .hit(0.05, 7.05, 0.05) // returns beyond max range: counts as no return
                .build();

        ScanResult result = map.integrate(scan);

        assertThat(result.occupiedUpdates()).isZero();
        assertThat(map.stateAt(new Vec3(2.95, 0.05, 0.05))).isEqualTo(VoxelState.FREE);
        assertThat(map.stateAt(new Vec3(3.15, 0.05, 0.05))).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.stateAt(new Vec3(0.05, 2.95, 0.05))).isEqualTo(VoxelState.FREE);
        assertThat(map.stateAt(new Vec3(0.05, 3.15, 0.05))).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.stateAt(new Vec3(0.05, 7.05, 0.05))).isEqualTo(VoxelState.UNKNOWN);
    }

    @Test
    void aVoxelHitByOneBeamAndCrossedByAnotherInTheSameScanStaysOccupied() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        RangeScan scan = RangeScan.builder(1, Timestamp.ZERO, 0.05, 0.05, 0.05)
                .hit(1.05, 0.05, 0.05)
                .hit(2.05, 0.05, 0.05) // passes through the voxel the first beam hit
                .build();

        map.integrate(scan);

        assertThat(map.stateAt(new Vec3(1.05, 0.05, 0.05))).isEqualTo(VoxelState.OCCUPIED);
        assertThat(map.probabilityAt(new Vec3(1.05, 0.05, 0.05)).getAsDouble()).isGreaterThan(0.69);
        assertThat(map.stateAt(new Vec3(2.05, 0.05, 0.05))).isEqualTo(VoxelState.OCCUPIED);
    }

    @Test
    void scansAtNegativeCoordinatesLandInTheRightVoxels() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        map.integrate(RangeScan.builder(1, Timestamp.ZERO, -0.05, -0.05, -0.05).hit(-3.25, -0.05, -0.05).build());

        assertThat(map.stateAt(new Vec3(-3.25, -0.05, -0.05))).isEqualTo(VoxelState.OCCUPIED);
        assertThat(map.stateAt(new Vec3(-1.65, -0.05, -0.05))).isEqualTo(VoxelState.FREE);
        assertThat(map.stateAt(new Vec3(-3.35, -0.05, -0.05))).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.stateAt(new Vec3(0.05, -0.05, -0.05))).isEqualTo(VoxelState.UNKNOWN);
    }

    @Test
    void theFloorPlanScannedAlongTheRouteShowsWallsAsOccupiedAndRoomsAsFree() {
        BoxWorld world = FloorPlan.world();
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        for (RangeScan scan : FloorPlan.routeScans(0.5, 360, 10)) {
            map.integrate(scan);
        }

        double z = FloorPlan.SENSOR_Z;
        // Wall surfaces facing the rooms.
        assertThat(map.stateAt(new Vec3(0.05, 4.0, z))).isEqualTo(VoxelState.OCCUPIED);
        assertThat(map.stateAt(new Vec3(4.95, 6.0, z))).isEqualTo(VoxelState.OCCUPIED);
        assertThat(map.stateAt(new Vec3(7.0, 3.95, z))).isEqualTo(VoxelState.OCCUPIED);
        // Room interiors and door openings.
        for (Vec3 p : List.of(FloorPlan.ROOM_A, FloorPlan.ROOM_B, FloorPlan.ROOM_C, FloorPlan.DOOR_AB, FloorPlan.DOOR_BC)) {
            assertThat(map.stateAt(new Vec3(p.x(), p.y(), z))).as("%s", p).isEqualTo(VoxelState.FREE);
        }
        // Inside a wall and outside the building nothing was seen.
        assertThat(map.stateAt(new Vec3(5.05, 6.0, z))).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.stateAt(new Vec3(13.0, 4.0, z))).isEqualTo(VoxelState.UNKNOWN);
        // No known-free voxel at sensor height lies wholly inside a wall.
        OccupancyGrid grid = map.project(new ZBand(z, z));
        int free = 0;
        for (int row = 0; row < grid.height(); row++) {
            for (int col = 0; col < grid.width(); col++) {
                if (CellThresholds.EVEN_ODDS.isFree(grid.value(col, row))) {
                    free++;
                    double x = grid.columnCenterX(col);
                    double y = grid.rowCenterY(row);
                    double h = 0.45 * RES;
                    boolean whollyInside = world.isInsideAnyBox(new Vec3(x - h, y - h, z))
                            && world.isInsideAnyBox(new Vec3(x + h, y - h, z))
                            && world.isInsideAnyBox(new Vec3(x - h, y + h, z))
                            && world.isInsideAnyBox(new Vec3(x + h, y + h, z));
                    assertThat(whollyInside).as("free cell (%s, %s) inside a wall", x, y).isFalse();
                }
            }
        }
        assertThat(free * RES * RES).as("free floor area").isGreaterThan(80);
    }

    private static Vec3 randomUnit(Random random) {
        while (true) {
            Vec3 v = new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
            if (v.norm() > 1e-3) {
                return v.times(1 / v.norm());
            }
        }
    }

    private static Aabb box(double x0, double y0, double z0, double x1, double y1, double z1) {
        return new Aabb(new Vec3(x0, y0, z0), new Vec3(x1, y1, z1));
    }
}
