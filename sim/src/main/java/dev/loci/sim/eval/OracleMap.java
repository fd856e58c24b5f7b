package dev.loci.sim.eval;

import dev.loci.sim.robot.Body;
import dev.loci.sim.task.Reach;
import dev.loci.sim.world.SolidIndex;
import dev.loci.sim.world.SolidKind;
import dev.loci.sim.world.World;
import dev.loci.spatial.geometry.Vec3;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Ground-truth shortest paths for SPL: the world's true walls and furniture rasterized at 5 cm, inflated by
 * the body's footprint, searched with 8-connected Dijkstra from the start to the nearest cell where the task
 * counts as reached.
 */
public final class OracleMap {
    private static final double CELL = 0.05;
    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};

    private final SolidIndex solids;
    private final int width;
    private final int height;
    private final boolean[] blocked;

    public OracleMap(World world, Body body) {
        this.solids = world.index();
        this.width = (int) Math.ceil(world.spec().width() / CELL);
        this.height = (int) Math.ceil(world.spec().depth() / CELL);
        this.blocked = new boolean[width * height];
        double r = body.footprintRadius();
        for (int cy = 0; cy < height; cy++) {
            for (int cx = 0; cx < width; cx++) {
                double x = (cx + 0.5) * CELL;
                double y = (cy + 0.5) * CELL;
                for (int i = 0; i < solids.size(); i++) {
                    if (solids.solid(i).kind() == SolidKind.OBJECT || solids.maxZ(i) <= body.bottom()
                            || solids.minZ(i) >= body.top()) {
                        continue;
                    }
                    double dx = x - Math.max(solids.minX(i), Math.min(x, solids.maxX(i)));
                    double dy = y - Math.max(solids.minY(i), Math.min(y, solids.maxY(i)));
                    if (dx * dx + dy * dy < r * r) {
                        blocked[cy * width + cx] = true;
                        break;
                    }
                }
            }
        }
    }

    /** Length of the shortest path from {@code from} to where {@link Reach#reached} holds for {@code object}. */
    public double shortestToReach(double fromX, double fromY, Vec3 object) {
        int start = cell(fromX, fromY);
        if (start < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] cost = new double[width * height];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        cost[start] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, start});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int u = (int) top[1];
            if (top[0] > cost[u]) {
                continue;
            }
            int ux = u % width;
            int uy = u / width;
            double x = (ux + 0.5) * CELL;
            double y = (uy + 0.5) * CELL;
            if (Reach.reached(solids, x, y, object)) {
                // the start's offset inside its cell is ignored: at most half a cell either way
                return cost[u];
            }
            for (int d = 0; d < 8; d++) {
                int vx = ux + DX[d];
                int vy = uy + DY[d];
                if (vx < 0 || vy < 0 || vx >= width || vy >= height) {
                    continue;
                }
                int v = vy * width + vx;
                if (blocked[v] || (d >= 4 && (blocked[uy * width + vx] || blocked[vy * width + ux]))) {
                    continue;
                }
                double c = cost[u] + (d >= 4 ? Math.sqrt(2) : 1) * CELL;
                if (c < cost[v]) {
                    cost[v] = c;
                    queue.add(new double[] {c, v});
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private int cell(double x, double y) {
        int cx = (int) Math.floor(x / CELL);
        int cy = (int) Math.floor(y / CELL);
        if (cx < 0 || cy < 0 || cx >= width || cy >= height) {
            return -1;
        }
        return cy * width + cx;
    }
}
