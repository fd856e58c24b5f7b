package dev.loci.spatial.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.AsciiGrid;
import dev.loci.spatial.occupancy.BoxWorld;
import dev.loci.spatial.occupancy.FloorPlan;
import dev.loci.spatial.occupancy.GridTile;
import dev.loci.spatial.occupancy.IncrementalProjection;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.OccupancySettings;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.occupancy.ScanResult;
import dev.loci.spatial.occupancy.VoxelMap;
import dev.loci.spatial.occupancy.ZBand;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FrontierTrackerTest {
    private static final ZBand BAND = new ZBand(0.1, 1.5);
    /** Frontiers per 0.1 m cell, for the drawn grids whose expectations are counted in cells. */
    private static final FrontierSettings PER_CELL = FrontierSettings.DEFAULT.withCellSizeM(0.1);

    private static List<GridTile> allTiles(OccupancyGrid grid) {
        List<GridTile> tiles = new ArrayList<>();
        int x0 = Math.floorDiv(grid.originCellX(), GridTile.SIZE);
        int y0 = Math.floorDiv(grid.originCellY(), GridTile.SIZE);
        int x1 = Math.floorDiv(grid.originCellX() + grid.width() - 1, GridTile.SIZE);
        int y1 = Math.floorDiv(grid.originCellY() + grid.height() - 1, GridTile.SIZE);
        for (int ty = y0; ty <= y1; ty++) {
            for (int tx = x0; tx <= x1; tx++) {
                tiles.add(new GridTile(tx, ty));
            }
        }
        return tiles;
    }

    private static List<Frontier> frontiersOf(OccupancyGrid grid, FrontierSettings settings) {
        return new FrontierTracker(settings).update(grid, allTiles(grid), 1, Timestamp.ofSeconds(1));
    }

    @Test
    void freeSpaceNextToUnknownOnItsEastIsOneFrontierFacingEast() {
        OccupancyGrid grid = AsciiGrid.parse(0.1,
                "##########",
                "#....?????",
                "#....?????",
                "#....?????",
                "##########");

        List<Frontier> frontiers = frontiersOf(grid, PER_CELL.withMinAreaM2(0));

        assertThat(frontiers).hasSize(1);
        Frontier f = frontiers.get(0);
        assertThat(f.cells()).isEqualTo(3); // column 4, rows 1..3: free with unknown to the east
        assertThat(f.areaM2()).isCloseTo(0.03, within(1e-12));
        assertThat(f.centroid().x()).isCloseTo(0.45, within(1e-9));
        assertThat(f.centroid().y()).isCloseTo(0.25, within(1e-9));
        assertThat(f.yaw()).isCloseTo(0, within(1e-9));
        assertThat(f.viewpoint().position().x()).isCloseTo(0.45, within(1e-9));
        assertThat(f.viewpoint().position().y()).isCloseTo(0.25, within(1e-9));
        assertThat(f.lastScanId()).isEqualTo(1);
    }

    @Test
    void freeSpaceOpeningSouthIntoUnknownFacesSouth() {
        OccupancyGrid grid = AsciiGrid.parse(0.1,
                "########",
                "#......#",
                "#......#",
                "#......#",
                "#??????#",
                "????????");

        List<Frontier> frontiers = frontiersOf(grid, PER_CELL.withMinAreaM2(0));

        assertThat(frontiers).hasSize(1);
        assertThat(frontiers.get(0).cells()).isEqualTo(6);
        assertThat(frontiers.get(0).yaw()).isCloseTo(-Math.PI / 2, within(1e-9));
    }

    @Test
    void regionsBelowTheMinimumAreaAreDropped() {
        OccupancyGrid grid = AsciiGrid.parse(0.1,
                "#########",
                "#.......#",
                "#...?...#",
                "#.......#",
                "#########");

        assertThat(frontiersOf(grid, PER_CELL.withMinAreaM2(0.05))).isEmpty();
        List<Frontier> kept = frontiersOf(grid, PER_CELL.withMinAreaM2(0));
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).cells()).isEqualTo(4); // the four side neighbours of the hole, 8-connected
    }

    @Test
    void diagonalTouchJoinsRegionsButSeparateRegionsStaySeparate() {
        OccupancyGrid grid = AsciiGrid.parse(0.1,
                "#?######???#",
                "#.?#####...#",
                "#..........#",
                "############");

        List<Frontier> frontiers = frontiersOf(grid, PER_CELL.withMinAreaM2(0));

        assertThat(frontiers).hasSize(2);
        assertThat(frontiers.stream().mapToInt(Frontier::cells).sorted().toArray()).containsExactly(2, 3);
    }

    @Test
    void blocksCloseTheGapsBetweenBeamsThatFineCellsTurnIntoFrontiers() {
        // One 360-beam scan in the middle of a closed 8 x 8 m room at 0.05 m: beyond 3 m neighbouring beams are
        // more than a cell apart, so per cell the free space is a comb of rays with unknown gaps.
        BoxWorld room = new BoxWorld(List.of(
                new Aabb(new Vec3(-4.225, -4.225, 0), new Vec3(-4.025, 4.225, 2)),
                new Aabb(new Vec3(4.025, -4.225, 0), new Vec3(4.225, 4.225, 2)),
                new Aabb(new Vec3(-4.025, -4.225, 0), new Vec3(4.025, -4.025, 2)),
                new Aabb(new Vec3(-4.025, 4.025, 0), new Vec3(4.025, 4.225, 2))));
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT.withResolution(0.05));
        map.integrate(room.planarScan(1, Timestamp.ZERO, new Vec3(0.01, 0.01, 0.35), 360, 10));
        OccupancyGrid grid = map.project(BAND);

        List<Frontier> perCell = frontiersOf(grid, FrontierSettings.DEFAULT.withCellSizeM(0.05));
        List<Frontier> blocks = frontiersOf(grid, FrontierSettings.DEFAULT);

        assertThat(perCell).hasSizeGreaterThan(5);
        assertThat(blocks).isEmpty();
    }

    @Test
    void frontiersExistBeforeExplorationAndVanishOnceTheRouteHasScannedEverythingReachable() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        IncrementalProjection projection = new IncrementalProjection(map, BAND);
        FrontierTracker tracker = new FrontierTracker(FrontierSettings.DEFAULT);
        List<RangeScan> scans = FloorPlan.routeScans(0.5, 360, 10);

        ScanResult first = map.integrate(scans.get(0));
        projection.refresh(first.touchedTiles());
        List<Frontier> initial = tracker.update(projection, first.touchedTiles(), first.scanId(), first.time());

        assertThat(initial).isNotEmpty();
        // Room A is seen from its middle: the unexplored space is beyond the door, in B.
        assertThat(initial).anySatisfy(f -> assertThat(f.centroid().x()).isGreaterThan(5.15));
        assertThat(initial).allSatisfy(f -> assertThat(f.lastScanId()).isEqualTo(1));

        List<Frontier> last = initial;
        for (RangeScan scan : scans.subList(1, scans.size())) {
            ScanResult result = map.integrate(scan);
            projection.refresh(result.touchedTiles());
            last = tracker.update(projection, result.touchedTiles(), result.scanId(), result.time());
        }

        assertThat(last).isEmpty();
        assertThat(tracker.frontierBlockCount()).as("stray cells under the minimum area").isLessThanOrEqualTo(3);
    }

    @Test
    void incrementalUpdatesFindTheSameFrontiersAsARebuildFromScratch() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        IncrementalProjection projection = new IncrementalProjection(map, BAND);
        FrontierTracker incremental = new FrontierTracker(FrontierSettings.DEFAULT);
        List<RangeScan> scans = FloorPlan.routeScans(0.5, 360, 10);
        int compared = 0;
        for (int i = 0; i < scans.size(); i++) {
            ScanResult result = map.integrate(scans.get(i));
            projection.refresh(result.touchedTiles());
            List<Frontier> updated = incremental.update(projection, result.touchedTiles(), result.scanId(), result.time());
            if (i % 7 != 0) {
                continue;
            }
            OccupancyGrid grid = map.project(BAND);
            List<Frontier> rebuilt = new FrontierTracker(FrontierSettings.DEFAULT)
                    .update(grid, allTiles(grid), result.scanId(), result.time());
            assertThat(summaries(updated)).as("after scan %d", i).isEqualTo(summaries(rebuilt));
            compared++;
        }
        assertThat(compared).isGreaterThan(5);
    }

    @Test
    void aFrontierKeepsItsIdAsItAdvancesAndRecordsTheLastScanThatTouchedItAndRecordsTheLastScanThatTouchedIt() {
        OccupancyGrid before = AsciiGrid.parse(0.1,
                "########????",
                "#.......????",
                "#.......????",
                "########????");
        OccupancyGrid after = AsciiGrid.parse(0.1,
                "##########??",
                "#.........??",
                "#.........??",
                "##########??");
        FrontierTracker tracker = new FrontierTracker(PER_CELL.withMinAreaM2(0));
        List<Frontier> first = tracker.update(before, allTiles(before), 10, Timestamp.ofSeconds(10));

        List<Frontier> second = tracker.update(after, allTiles(after), 11, Timestamp.ofSeconds(11));

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(second.get(0).centroid().x()).isCloseTo(0.95, within(1e-9));
        assertThat(second.get(0).lastScanId()).isEqualTo(11);
        assertThat(second.get(0).lastScanTime()).isEqualTo(Timestamp.ofSeconds(11));
    }

    private static List<String> summaries(List<Frontier> frontiers) {
        List<String> out = new ArrayList<>();
        for (Frontier f : frontiers) {
            out.add(String.format("%d cells at (%.6f, %.6f) yaw %.6f", f.cells(), f.centroid().x(), f.centroid().y(),
                    f.yaw()));
        }
        out.sort(null);
        return out;
    }
}
