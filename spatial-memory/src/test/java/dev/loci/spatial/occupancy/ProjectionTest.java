package dev.loci.spatial.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    /** A 4 x 4 m room with a 0.5 m high bench along x 2.05..2.45: a low scan sees it, a high one sees over it. */
    private static final BoxWorld ROOM_WITH_BENCH = new BoxWorld(List.of(
            new Aabb(new Vec3(-0.25, -0.25, 0), new Vec3(0.05, 4.25, 2.5)),
            new Aabb(new Vec3(3.95, -0.25, 0), new Vec3(4.25, 4.25, 2.5)),
            new Aabb(new Vec3(0.05, -0.25, 0), new Vec3(3.95, 0.05, 2.5)),
            new Aabb(new Vec3(0.05, 3.95, 0), new Vec3(3.95, 4.25, 2.5)),
            new Aabb(new Vec3(2.05, 1.05, 0), new Vec3(2.45, 2.95, 0.5))));
    private static final Vec3 BENCH = new Vec3(2.05, 2.0, 0); // the voxel column holding the bench face
    private static final Vec3 OPEN_FLOOR = new Vec3(1.0, 2.0, 0);

    private static VoxelMap scannedAtTwoHeights(int scansPerHeight) {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        long id = 1;
        for (int i = 0; i < scansPerHeight; i++) {
            map.integrate(ROOM_WITH_BENCH.planarScan(id, Timestamp.ofSeconds(id), new Vec3(1.05, 2.05, 0.35), 720, 10));
            id++;
            map.integrate(ROOM_WITH_BENCH.planarScan(id, Timestamp.ofSeconds(id), new Vec3(1.05, 2.05, 1.05), 720, 10));
            id++;
        }
        return map;
    }

    private static int valueAt(OccupancyGrid grid, Vec3 p) {
        return grid.value(grid.column(p.x()), grid.row(p.y()));
    }

    @Test
    void aColumnTakesTheHighestOccupancyInTheBand() {
        VoxelMap map = scannedAtTwoHeights(1);

        OccupancyGrid wholeBody = map.project(new ZBand(0.1, 1.5));
        OccupancyGrid aboveBench = map.project(new ZBand(0.9, 1.5));

        // One hit: 17 steps, p = 0.70; one miss: -8 steps, p = 0.40.
        assertThat(valueAt(wholeBody, BENCH)).isEqualTo(70);
        assertThat(valueAt(aboveBench, BENCH)).isEqualTo(40);
        assertThat(valueAt(wholeBody, OPEN_FLOOR)).isEqualTo(40);
    }

    @Test
    void trinaryProjectionGivesMinusOneZeroAndHundred() {
        VoxelMap map = scannedAtTwoHeights(3);

        OccupancyGrid trinary = map.project(new ZBand(0.1, 1.5)).toTrinary(CellThresholds.EVEN_ODDS);

        assertThat(valueAt(trinary, BENCH)).isEqualTo(100);
        assertThat(valueAt(trinary, OPEN_FLOOR)).isZero();
        assertThat(valueAt(trinary, new Vec3(0.0, 2.0, 0))).as("west wall surface").isEqualTo(100);
        assertThat(valueAt(trinary, new Vec3(-0.2, 2.0, 0))).as("behind the wall").isEqualTo(-1);
        // Inside the bench nothing was seen low down, but the high scan saw free space above it.
        assertThat(valueAt(trinary, new Vec3(2.3, 2.0, 0))).isZero();
        byte[] data = trinary.data();
        List<Integer> distinct = new ArrayList<>();
        for (byte b : data) {
            if (!distinct.contains((int) b)) {
                distinct.add((int) b);
            }
        }
        assertThat(distinct).containsExactlyInAnyOrder(-1, 0, 100);
    }

    @Test
    void aColumnIsUnknownOnlyWhereEveryVoxelInTheBandIsUnknown() {
        VoxelMap map = scannedAtTwoHeights(1);

        OccupancyGrid lowOnly = map.project(new ZBand(0.3, 0.4));
        OccupancyGrid nothingThere = map.project(new ZBand(1.2, 1.5));

        assertThat(valueAt(lowOnly, OPEN_FLOOR)).isEqualTo(40);
        assertThat(nothingThere.cellCount()).isPositive(); // same chunks, other voxels
        for (byte b : nothingThere.data()) {
            assertThat(b).isEqualTo((byte) -1);
        }
        assertThat(map.project(new ZBand(5.0, 6.0)).cellCount()).as("no chunk in the band").isZero();
    }

    @Test
    void theGridIsRowMajorFromAnOriginAlignedToTheVoxels() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        map.integrate(RangeScan.builder(1, Timestamp.ZERO, -0.05, 0.05, 0.35).hit(-0.05, 0.75, 0.35).build());

        OccupancyGrid grid = map.project(new ZBand(0.3, 0.4));

        assertThat(grid.resolution()).isEqualTo(0.1);
        assertThat(grid.width()).isEqualTo(16);
        assertThat(grid.height()).isEqualTo(16);
        assertThat(grid.originX()).isEqualTo(-1.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(grid.originY()).isEqualTo(0.0);
        // Cell (col 15, row 7) is x in [-0.1, 0), y in [0.7, 0.8): the hit.
        assertThat(grid.data()[7 * 16 + 15]).isEqualTo((byte) 70);
        assertThat(grid.data()[0 * 16 + 15]).isEqualTo((byte) 40);
        assertThat(grid.data()[8 * 16 + 15]).isEqualTo((byte) -1);
        assertThat(grid.data()[0]).isEqualTo((byte) -1);
    }

    @Test
    void anIncrementalProjectionRefreshedWithTouchedTilesMatchesAFullProjection() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        ZBand band = new ZBand(0.1, 1.5);
        IncrementalProjection projection = new IncrementalProjection(map, band);
        for (RangeScan scan : FloorPlan.routeScans(0.7, 360, 10)) {
            projection.refresh(map.integrate(scan).touchedTiles());
        }

        OccupancyGrid full = map.project(band);

        assertThat(projection.toGrid()).isEqualTo(full);
        for (int row = 0; row < full.height(); row += 3) {
            for (int col = 0; col < full.width(); col += 3) {
                assertThat(projection.valueAt(col + full.originCellX(), row + full.originCellY()))
                        .isEqualTo(full.value(col, row));
            }
        }
    }
}
