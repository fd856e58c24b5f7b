package dev.loci.spatial.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.AsciiGrid;
import dev.loci.spatial.occupancy.OccupancyGrid;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GridPlannerTest {
    private static final double SQRT2 = Math.sqrt(2);

    /** Centre of cell (col, row) of a grid at the origin. */
    private static Vec3 cell(double res, int col, int row) {
        return new Vec3((col + 0.5) * res, (row + 0.5) * res, 0);
    }

    private static OccupancyGrid open(int width, int height) {
        String[] lines = new String[height];
        Arrays.fill(lines, ".".repeat(width));
        return AsciiGrid.parse(1.0, lines);
    }

    @Test
    void onAnOpenGridTheLengthIsTheOctileDistance() {
        GridPlanner planner = new GridPlanner(open(10, 10), PlannerSettings.DEFAULT);

        assertThat(planner.distance(cell(1, 0, 0), cell(1, 9, 9)).getAsDouble()).isCloseTo(9 * SQRT2, within(1e-9));
        assertThat(planner.distance(cell(1, 0, 0), cell(1, 9, 3)).getAsDouble()).isCloseTo(6 + 3 * SQRT2, within(1e-9));
        assertThat(planner.distance(cell(1, 2, 5), cell(1, 2, 0)).getAsDouble()).isCloseTo(5, within(1e-9));
    }

    @Test
    void aWallWithAGapForcesTheHandComputedDetour() {
        // Resolution 0.5 m. From (0,2) to (6,2); the wall at column 3 is open only at row 0.
        OccupancyGrid grid = AsciiGrid.parse(0.5,
                "...#...",
                "...#...",
                "...#...",
                ".......");
        GridPlanner planner = new GridPlanner(grid, PlannerSettings.DEFAULT);

        GridPath path = planner.plan(cell(0.5, 0, 2), cell(0.5, 6, 2)).orElseThrow();

        // (0,2) -> (2,0): 2 diagonals; (2,0) -> (4,0): 2 straight (no corner cutting past the wall's foot);
        // (4,0) -> (6,2): 2 diagonals. 4 sqrt(2) + 2 cells of 0.5 m.
        assertThat(path.lengthM()).isCloseTo(0.5 * (4 * SQRT2 + 2), within(1e-9));
        assertThat(path.start()).isEqualTo(cell(0.5, 0, 2));
        assertThat(path.goal()).isEqualTo(cell(0.5, 6, 2));
        assertThat(path.points()).containsExactly(cell(0.5, 0, 2), cell(0.5, 2, 0), cell(0.5, 4, 0), cell(0.5, 6, 2));
    }

    @Test
    void aDiagonalMoveMayNotCutBetweenTwoBlockedCells() {
        OccupancyGrid grid = AsciiGrid.parse(1.0,
                "..#",
                ".#.",
                "...");
        GridPlanner planner = new GridPlanner(grid, PlannerSettings.DEFAULT);

        // (0,1) to (1,2) would pass the corner of the blocked (1,1): two straight moves instead.
        assertThat(planner.distance(cell(1, 0, 1), cell(1, 1, 2)).getAsDouble()).isCloseTo(2, within(1e-9));
        // (1,2) to (2,1) would squeeze between (2,2) and (1,1): the way round is six straight moves, since every
        // diagonal on it would also pass the corner of (1,1).
        assertThat(planner.distance(cell(1, 1, 2), cell(1, 2, 1)).getAsDouble()).isCloseTo(6, within(1e-9));
    }

    @Test
    void anUnreachableGoalOrABlockedEndGivesNoPath() {
        OccupancyGrid grid = AsciiGrid.parse(1.0,
                "..#..",
                "..#..",
                "..#..");
        GridPlanner planner = new GridPlanner(grid, PlannerSettings.DEFAULT);

        assertThat(planner.plan(cell(1, 0, 0), cell(1, 4, 0))).isEmpty();
        assertThat(planner.distance(cell(1, 0, 0), cell(1, 4, 0))).isEmpty();
        assertThat(planner.plan(cell(1, 0, 0), cell(1, 2, 1))).as("goal in a wall").isEmpty();
        assertThat(planner.plan(cell(1, 0, 0), new Vec3(40, 0.5, 0))).as("goal off the grid").isEmpty();
        assertThat(planner.distance(cell(1, 1, 1), cell(1, 1, 1))).hasValue(0.0);
    }

    @Test
    void unknownCellsAreBlockedUnlessAllowed() {
        OccupancyGrid grid = AsciiGrid.parse(1.0,
                "..?..",
                "..?..",
                "..#..");
        Vec3 from = cell(1, 0, 1);
        Vec3 to = cell(1, 4, 1);

        assertThat(new GridPlanner(grid, PlannerSettings.DEFAULT).plan(from, to)).isEmpty();
        assertThat(new GridPlanner(grid, PlannerSettings.DEFAULT.withUnknownTraversable(true)).distance(from, to))
                .hasValue(4.0);
    }

    @Test
    void inflationByTheRobotRadiusClosesCorridorsTooNarrowForTheRobot() {
        // A corridor five cells (0.5 m) wide between two walls.
        OccupancyGrid grid = AsciiGrid.parse(0.1,
                "####################",
                "....................",
                "....................",
                "....................",
                "....................",
                "....................",
                "####################");
        Vec3 from = cell(0.1, 0, 3);
        Vec3 to = cell(0.1, 19, 3);

        // Radius 0.25: rows 1, 2, 4, 5 lie within 0.2 m of a wall; the middle row stays open.
        GridPlanner slim = new GridPlanner(grid, PlannerSettings.DEFAULT.withRobotRadius(0.25));
        assertThat(slim.distance(from, to).getAsDouble()).isCloseTo(1.9, within(1e-9));
        assertThat(slim.isTraversable(cell(0.1, 5, 2))).isFalse();
        // Radius 0.35: the middle row is 0.3 m from the walls, so nothing is left.
        GridPlanner wide = new GridPlanner(grid, PlannerSettings.DEFAULT.withRobotRadius(0.35));
        assertThat(wide.plan(from, to)).isEmpty();
    }

    @Test
    void onRandomGridsTheLengthEqualsBruteForceDijkstra() {
        Random random = new Random(20240611L);
        int reachable = 0;
        int unreachable = 0;
        for (int trial = 0; trial < 150; trial++) {
            int width = 5 + random.nextInt(20);
            int height = 5 + random.nextInt(20);
            double density = 0.1 + 0.3 * random.nextDouble();
            byte[] data = new byte[width * height];
            for (int i = 0; i < data.length; i++) {
                double r = random.nextDouble();
                data[i] = r < density ? 100 : r < density + 0.05 ? (byte) -1 : (byte) random.nextInt(50);
            }
            double res = 0.05 + 0.2 * random.nextDouble();
            OccupancyGrid grid = new OccupancyGrid(res, width, height, -1.0, 2.0, data);
            boolean allowUnknown = random.nextBoolean();
            GridPlanner planner = new GridPlanner(grid, PlannerSettings.DEFAULT.withUnknownTraversable(allowUnknown));
            boolean[] blocked = new boolean[data.length];
            for (int i = 0; i < data.length; i++) {
                blocked[i] = data[i] >= 50 || (data[i] < 0 && !allowUnknown);
            }
            for (int query = 0; query < 5; query++) {
                int s = random.nextInt(data.length);
                int t = random.nextInt(data.length);
                Vec3 from = new Vec3(grid.columnCenterX(s % width), grid.rowCenterY(s / width), 0);
                Vec3 to = new Vec3(grid.columnCenterX(t % width), grid.rowCenterY(t / width), 0);
                OptionalDouble expected = dijkstra(blocked, width, height, s, t);
                Optional<GridPath> path = planner.plan(from, to);
                if (expected.isEmpty()) {
                    assertThat(path).isEmpty();
                    unreachable++;
                } else {
                    assertThat(path).isPresent();
                    assertThat(path.get().lengthM()).isCloseTo(expected.getAsDouble() * res, within(1e-9));
                    assertThat(polylineLength(path.get())).isCloseTo(path.get().lengthM(), within(1e-6));
                    reachable++;
                }
            }
        }
        assertThat(reachable).isGreaterThan(100);
        assertThat(unreachable).isGreaterThan(50);
    }

    /** The waypoints only drop collinear cells, so the polyline through them is exactly as long. */
    private static double polylineLength(GridPath path) {
        double length = 0;
        for (int i = 1; i < path.points().size(); i++) {
            length += path.points().get(i - 1).distanceTo(path.points().get(i));
        }
        return length;
    }

    /** O(n^2) Dijkstra with no heap and no heuristic, same moves: 8-connected, no corner cutting. */
    private static OptionalDouble dijkstra(boolean[] blocked, int width, int height, int start, int goal) {
        if (blocked[start] || blocked[goal]) {
            return OptionalDouble.empty();
        }
        double[] dist = new double[blocked.length];
        boolean[] done = new boolean[blocked.length];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[start] = 0;
        while (true) {
            int u = -1;
            for (int i = 0; i < dist.length; i++) {
                if (!done[i] && dist[i] < Double.POSITIVE_INFINITY && (u < 0 || dist[i] < dist[u])) {
                    u = i;
                }
            }
            if (u < 0) {
                return OptionalDouble.empty();
            }
            if (u == goal) {
                return OptionalDouble.of(dist[u]);
            }
            done[u] = true;
            int ux = u % width;
            int uy = u / width;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int vx = ux + dx;
                    int vy = uy + dy;
                    if ((dx == 0 && dy == 0) || vx < 0 || vy < 0 || vx >= width || vy >= height) {
                        continue;
                    }
                    int v = vy * width + vx;
                    if (blocked[v] || (dx != 0 && dy != 0 && (blocked[uy * width + vx] || blocked[vy * width + ux]))) {
                        continue;
                    }
                    double step = dx != 0 && dy != 0 ? SQRT2 : 1;
                    dist[v] = Math.min(dist[v], dist[u] + step);
                }
            }
        }
    }
}
