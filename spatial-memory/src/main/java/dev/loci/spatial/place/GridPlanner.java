package dev.loci.spatial.place;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A* on a 2D grid: 8-connected moves costing 1 or sqrt(2) cells, the octile distance as heuristic (exact on
 * an empty grid, so admissible and consistent: the first time the goal is expanded its cost is optimal).
 * A diagonal move needs both cells it squeezes between to be traversable, so paths never cut a corner.
 *
 * <p>The blocked mask (occupied, inflated by the robot radius, and unknown unless allowed) is computed once per
 * grid; the search arrays are reused across queries with a generation stamp instead of being cleared, so a
 * query costs only what it visits. Not thread-safe: one planner per thread.
 */
public final class GridPlanner {
    private static final double SQRT2 = Math.sqrt(2);
    /** f values closer than this are equal: sums of 1 and sqrt(2) differ in the last bits by path order. */
    private static final double TIE = 1e-9;
    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};

    private final OccupancyGrid grid;
    private final int width;
    private final int height;
    private final boolean[] blocked;
    private final double[] cost;
    private final int[] parent;
    private final int[] seen;
    private final int[] closed;
    private int generation;
    private int[] heapCells = new int[256];
    private double[] heapKeys = new double[256];
    private double[] heapCosts = new double[256];
    private int heapSize;

    public GridPlanner(OccupancyGrid grid, PlannerSettings settings) {
        this.grid = Require.present("grid", grid);
        Require.present("settings", settings);
        this.width = grid.width();
        this.height = grid.height();
        int n = grid.cellCount();
        this.blocked = new boolean[n];
        boolean[] occupied = new boolean[n];
        for (int i = 0; i < n; i++) {
            int value = grid.value(i % width, i / width);
            occupied[i] = settings.thresholds().isOccupied(value);
            blocked[i] = occupied[i] || (value < 0 && !settings.unknownIsTraversable());
        }
        if (settings.robotRadius() > 0) {
            double[] clearance2 = DistanceTransform.squared(occupied, width, height, false);
            double radiusCells = settings.robotRadius() / grid.resolution();
            double limit2 = radiusCells * radiusCells + 1e-9;
            for (int i = 0; i < n; i++) {
                if (clearance2[i] <= limit2) {
                    blocked[i] = true;
                }
            }
        }
        this.cost = new double[n];
        this.parent = new int[n];
        this.seen = new int[n];
        this.closed = new int[n];
    }

    public OccupancyGrid grid() {
        return grid;
    }

    /** Whether a robot centred at {@code p} may stand there (inside the grid, not blocked). */
    public boolean isTraversable(Vec3 p) {
        Require.present("point", p);
        int cell = cellOf(p);
        return cell >= 0 && !blocked[cell];
    }

    /** The shortest path from the cell of {@code from} to the cell of {@code to}; empty if there is none. */
    public Optional<GridPath> plan(Vec3 from, Vec3 to) {
        Require.present("path.from", from);
        Require.present("path.to", to);
        int start = cellOf(from);
        int goal = cellOf(to);
        if (start < 0 || goal < 0 || blocked[start] || blocked[goal]) {
            return Optional.empty();
        }
        if (!search(start, goal)) {
            return Optional.empty();
        }
        return Optional.of(new GridPath(waypoints(start, goal), cost[goal] * grid.resolution()));
    }

    /** Length of the shortest path, or empty if there is none. */
    public OptionalDouble distance(Vec3 from, Vec3 to) {
        Optional<GridPath> path = plan(from, to);
        return path.isPresent() ? OptionalDouble.of(path.get().lengthM()) : OptionalDouble.empty();
    }

    private boolean search(int start, int goal) {
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            Arrays.fill(closed, 0);
            generation = 1;
        }
        int goalX = goal % width;
        int goalY = goal / width;
        heapSize = 0;
        cost[start] = 0;
        parent[start] = -1;
        seen[start] = generation;
        push(start, octile(start % width, start / width, goalX, goalY), 0);
        while (heapSize > 0) {
            int u = pop();
            if (closed[u] == generation) {
                continue; // a stale entry: u was re-queued with a lower cost and already expanded
            }
            closed[u] = generation;
            if (u == goal) {
                return true;
            }
            int ux = u % width;
            int uy = u / width;
            for (int d = 0; d < 8; d++) {
                int vx = ux + DX[d];
                int vy = uy + DY[d];
                if (vx < 0 || vy < 0 || vx >= width || vy >= height) {
                    continue;
                }
                int v = vy * width + vx;
                if (blocked[v] || closed[v] == generation) {
                    continue;
                }
                boolean diagonal = d >= 4;
                if (diagonal && (blocked[uy * width + vx] || blocked[vy * width + ux])) {
                    continue;
                }
                double next = cost[u] + (diagonal ? SQRT2 : 1);
                if (seen[v] != generation || next < cost[v]) {
                    seen[v] = generation;
                    cost[v] = next;
                    parent[v] = u;
                    push(v, next + octile(vx, vy, goalX, goalY), next);
                }
            }
        }
        return false;
    }

    private List<Vec3> waypoints(int start, int goal) {
        List<Integer> cells = new ArrayList<>();
        for (int c = goal; c != -1; c = parent[c]) {
            cells.add(c);
        }
        List<Vec3> points = new ArrayList<>();
        int previousStep = Integer.MIN_VALUE;
        for (int k = cells.size() - 1; k >= 0; k--) {
            int cell = cells.get(k);
            int step = k > 0 ? cells.get(k - 1) - cell : Integer.MIN_VALUE;
            // Keep the start, the goal and every cell where the direction of travel changes.
            if (k == cells.size() - 1 || k == 0 || step != previousStep) {
                points.add(new Vec3(grid.columnCenterX(cell % width), grid.rowCenterY(cell / width), 0));
            }
            previousStep = step;
        }
        return points;
    }

    private static double octile(int x, int y, int goalX, int goalY) {
        int dx = Math.abs(x - goalX);
        int dy = Math.abs(y - goalY);
        return Math.max(dx, dy) + (SQRT2 - 1) * Math.min(dx, dy);
    }

    private int cellOf(Vec3 p) {
        int col = grid.column(p.x());
        int row = grid.row(p.y());
        return col < 0 || row < 0 || col >= width || row >= height ? -1 : row * width + col;
    }

    /**
     * Orders by f = g + h, and among equal f by larger g: the node nearer the goal first. With the octile
     * heuristic whole open areas share one f, and without the tie-break A* would fan out across all of them.
     */
    private boolean before(double keyA, double costA, double keyB, double costB) {
        double diff = keyA - keyB;
        return diff < -TIE ? true : diff > TIE ? false : costA > costB;
    }

    private void push(int cell, double key, double costSoFar) {
        if (heapSize == heapCells.length) {
            heapCells = Arrays.copyOf(heapCells, 2 * heapSize);
            heapKeys = Arrays.copyOf(heapKeys, 2 * heapSize);
            heapCosts = Arrays.copyOf(heapCosts, 2 * heapSize);
        }
        int i = heapSize++;
        while (i > 0) {
            int up = (i - 1) >>> 1;
            if (!before(key, costSoFar, heapKeys[up], heapCosts[up])) {
                break;
            }
            heapCells[i] = heapCells[up];
            heapKeys[i] = heapKeys[up];
            heapCosts[i] = heapCosts[up];
            i = up;
        }
        heapCells[i] = cell;
        heapKeys[i] = key;
        heapCosts[i] = costSoFar;
    }

    private int pop() {
        int top = heapCells[0];
        heapSize--;
        int lastCell = heapCells[heapSize];
        double lastKey = heapKeys[heapSize];
        double lastCost = heapCosts[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heapKeys[child + 1], heapCosts[child + 1], heapKeys[child],
                    heapCosts[child])) {
                child++;
            }
            if (!before(heapKeys[child], heapCosts[child], lastKey, lastCost)) {
                break;
            }
            heapCells[i] = heapCells[child];
            heapKeys[i] = heapKeys[child];
            heapCosts[i] = heapCosts[child];
            i = child;
        }
        heapCells[i] = lastCell;
        heapKeys[i] = lastKey;
        heapCosts[i] = lastCost;
        return top;
    }
}
