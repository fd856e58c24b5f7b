package dev.loci.spatial.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.AsciiGrid;
import dev.loci.spatial.occupancy.BoxWorld;
import dev.loci.spatial.occupancy.FloorPlan;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.OccupancySettings;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.occupancy.VoxelMap;
import dev.loci.spatial.occupancy.ZBand;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlaceSegmenterTest {
    private static final PlaceSegmenter SEGMENTER = new PlaceSegmenter(SegmentationSettings.DEFAULT);

    /** The floor plan drawn straight into a grid: walls occupied, rooms free, outside unknown. */
    static OccupancyGrid drawnFloorPlan() {
        BoxWorld world = FloorPlan.world();
        double res = 0.1;
        int width = 130;
        int height = 90;
        byte[] data = new byte[width * height];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double x = -0.5 + (col + 0.5) * res;
                double y = -0.5 + (row + 0.5) * res;
                boolean inside = x > 0.05 && x < 11.95 && y > 0.05 && y < 7.95;
                data[row * width + col] = world.isInsideAnyBox(new Vec3(x, y, 1)) ? 100 : inside ? (byte) 0 : -1;
            }
        }
        return new OccupancyGrid(res, width, height, -0.5, -0.5, data);
    }

    static OccupancyGrid scannedFloorPlan() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        for (RangeScan scan : FloorPlan.routeScans(0.5, 360, 10)) {
            map.integrate(scan);
        }
        return map.project(new ZBand(0.1, 1.5));
    }

    private static void assertThreeRoomsWithTwoDoors(PlaceMap places) {
        int a = places.placeAt(FloorPlan.ROOM_A).orElseThrow().id();
        int b = places.placeAt(FloorPlan.ROOM_B).orElseThrow().id();
        int c = places.placeAt(FloorPlan.ROOM_C).orElseThrow().id();
        assertThat(Set.of(a, b, c)).as("each room in its own place").hasSize(3);
        assertThat(places.size()).isEqualTo(3);
        assertThat(places.neighbours(a)).containsExactly(b);
        assertThat(places.neighbours(c)).containsExactly(b);
        assertThat(places.neighbours(b)).containsExactlyInAnyOrder(a, c);
        // The doors are 0.9 m; at 0.1 m the voxels holding the door frames' faces are occupied, leaving 0.8 m.
        PlaceLink ab = places.link(a, b).orElseThrow();
        assertThat(ab.doorway().distanceTo(FloorPlan.DOOR_AB)).isLessThan(0.3);
        assertThat(ab.passageWidthM()).isCloseTo(0.8, within(0.2));
        PlaceLink bc = places.link(b, c).orElseThrow();
        assertThat(bc.doorway().distanceTo(FloorPlan.DOOR_BC)).isLessThan(0.3);
        assertThat(bc.passageWidthM()).isCloseTo(0.8, within(0.2));
    }

    @Test
    void theDrawnFloorPlanSplitsIntoItsThreeRoomsJoinedByTheTwoDoors() {
        PlaceMap places = SEGMENTER.segment(drawnFloorPlan());

        assertThreeRoomsWithTwoDoors(places);
        Place a = places.placeAt(FloorPlan.ROOM_A).orElseThrow();
        // Room A is 4.9 x 7.9 m; the door cells it takes from the wall add at most a few cells.
        assertThat(a.areaM2()).isCloseTo(4.9 * 7.9, within(0.3));
        assertThat(a.centroid().distanceTo(FloorPlan.ROOM_A)).isLessThan(0.15);
        assertThat(a.bounds().min().x()).isCloseTo(0.0, within(0.11));
        assertThat(a.bounds().max().y()).isCloseTo(8.0, within(0.11));
    }

    @Test
    void theFloorPlanMappedByScanningAlongTheRouteSplitsTheSameWay() {
        PlaceMap places = SEGMENTER.segment(scannedFloorPlan());

        assertThreeRoomsWithTwoDoors(places);
        for (Vec3 room : List.of(FloorPlan.ROOM_A, FloorPlan.ROOM_B, FloorPlan.ROOM_C)) {
            Place place = places.placeAt(room).orElseThrow();
            assertThat(place.centroid().distanceTo(room)).as("centroid of %s", place.name()).isLessThan(0.5);
        }
    }

    @Test
    void aPillarInTheMiddleOfARoomDoesNotSplitIt() {
        // 6 x 4 m room, 0.4 m pillar in the middle: two clearance maxima, 1.8 m passages either side of it.
        OccupancyGrid grid = room(60, 40, 28, 18, 4);

        PlaceMap places = SEGMENTER.segment(grid);

        assertThat(places.size()).isEqualTo(1);
        assertThat(places.places().get(0).cells()).isEqualTo(60 * 40 - 16);
        assertThat(places.links()).isEmpty();
    }

    @Test
    void aNarrowGapBesideAPartitionSplitsTheRoomLikeADoor() {
        // The same room with a partition wall leaving a 0.8 m gap: two places, one link at the gap.
        OccupancyGrid grid = room(60, 40, 28, 8, 4, 32);

        PlaceMap places = SEGMENTER.segment(grid);

        assertThat(places.size()).isEqualTo(2);
        assertThat(places.links()).hasSize(1);
        assertThat(places.links().get(0).passageWidthM()).isCloseTo(0.8, within(0.1));
        assertThat(places.links().get(0).doorway().y()).isCloseTo(0.4, within(0.15));
    }

    /** A free room of width x height cells at 0.1 m, walled by the grid edge, with a blocked rectangle in it. */
    private static OccupancyGrid room(int width, int height, int blockCol, int blockRow, int blockWidth,
            int blockHeight) {
        byte[] data = new byte[width * height];
        for (int row = blockRow; row < blockRow + blockHeight; row++) {
            for (int col = blockCol; col < blockCol + blockWidth; col++) {
                data[row * width + col] = 100;
            }
        }
        return new OccupancyGrid(0.1, width, height, 0, 0, data);
    }

    private static OccupancyGrid room(int width, int height, int blockCol, int blockRow, int blockSize) {
        return room(width, height, blockCol, blockRow, blockSize, blockSize);
    }

    @Test
    void aSmallIslandWithNoNeighbourIsDroppedAndWallsBelongToNoPlace() {
        OccupancyGrid grid = AsciiGrid.parse(0.5,
                "###########",
                "#.....#..##",
                "#.....#####",
                "#.....#####",
                "###########");

        PlaceMap places = SEGMENTER.segment(grid);

        assertThat(places.size()).isEqualTo(1); // the 2-cell island (0.5 m^2) is below the 1 m^2 minimum
        assertThat(places.placeAt(new Vec3(1.25, 1.25, 0))).isPresent();
        assertThat(places.placeAt(new Vec3(3.75, 2.25, 0))).isEmpty();
        assertThat(places.placeAt(new Vec3(3.25, 1.25, 0))).as("a wall").isEmpty();
        assertThat(places.placeAt(new Vec3(-3, 1, 0))).as("outside the grid").isEmpty();
    }

    @Test
    void placesAreNamedByNumberUntilRenamed() {
        PlaceMap places = SEGMENTER.segment(drawnFloorPlan());
        assertThat(places.places()).extracting(Place::name).containsExactly("place_1", "place_2", "place_3");
        int kitchen = places.placeAt(FloorPlan.ROOM_C).orElseThrow().id();

        places.rename(kitchen, "kitchen");

        assertThat(places.placeAt(FloorPlan.ROOM_C).orElseThrow().name()).isEqualTo("kitchen");
        assertThat(places.places().stream().map(Place::name).collect(Collectors.toSet()))
                .contains("kitchen").hasSize(3);
        assertThatThrownBy(() -> places.rename(kitchen, " ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> places.rename(99, "attic")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("place.id");
    }

    @Test
    void cellMembershipCoversEachPlaceExactly() {
        PlaceMap places = SEGMENTER.segment(drawnFloorPlan());
        OccupancyGrid grid = places.grid();
        int total = 0;
        for (Place place : places.places()) {
            int[] cells = places.cellsOf(place.id());
            assertThat(cells).hasSize(place.cells());
            for (int cell : cells) {
                assertThat(places.placeIdAt(cell % grid.width(), cell / grid.width())).hasValue(place.id());
                assertThat(grid.value(cell % grid.width(), cell / grid.width())).isZero();
            }
            total += cells.length;
        }
        int free = 0;
        for (byte v : grid.data()) {
            free += v == 0 ? 1 : 0;
        }
        assertThat(total).isEqualTo(free);
    }

    @Test
    void travelDistanceBetweenPlacesGoesThroughTheDoors() {
        PlaceMap places = SEGMENTER.segment(drawnFloorPlan());
        GridPlanner planner = new GridPlanner(places.grid(), PlannerSettings.DEFAULT);
        Place a = places.placeAt(FloorPlan.ROOM_A).orElseThrow();
        Place b = places.placeAt(FloorPlan.ROOM_B).orElseThrow();
        Place c = places.placeAt(FloorPlan.ROOM_C).orElseThrow();

        double ab = places.travelDistance(a.id(), b.id(), planner).orElseThrow();
        double bc = places.travelDistance(b.id(), c.id(), planner).orElseThrow();
        double ac = places.travelDistance(a.id(), c.id(), planner).orElseThrow();

        assertThat(ab).isGreaterThanOrEqualTo(a.anchor().distanceTo(b.anchor()));
        // A to C has no door of its own: it goes through B, so it is longer than the straight line by far.
        assertThat(ac).isGreaterThan(a.anchor().distanceTo(c.anchor()) + 1.0);
        assertThat(ac).isLessThanOrEqualTo(ab + bc + 1e-9);
        assertThat(places.travelDistance(a.id(), a.id(), planner)).hasValue(0.0);
    }
}
