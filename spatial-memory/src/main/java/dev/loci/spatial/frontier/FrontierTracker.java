package dev.loci.spatial.frontier;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.CellThresholds;
import dev.loci.spatial.occupancy.GridCells;
import dev.loci.spatial.occupancy.GridTile;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the frontiers of a 2D occupancy layer up to date scan by scan.
 *
 * <p>Frontier cells are stored per {@link GridTile} with, for each, which of its four neighbours are unknown.
 * {@link #update} re-examines only the tiles the latest scan touched (plus the one-cell ring around each, whose
 * status depends on the touched cells), then rebuilds the 8-connected regions from the stored frontier cells,
 * which are few compared to the grid. A region keeps the id of the previous region it lies within two cells of
 * (the most such cells wins), so a frontier keeps its id as it advances.
 *
 * <p>The layer passed to {@link #update} must be the one the tracker has been following (typically an
 * {@link dev.loci.spatial.occupancy.IncrementalProjection}); cells outside it read as unknown. Not thread-safe.
 */
public final class FrontierTracker {
    private static final int SIZE = GridTile.SIZE;
    private static final int EAST = 1;
    private static final int WEST = 2;
    private static final int NORTH = 4;
    private static final int SOUTH = 8;
    /** Cells a region may have moved since the last update and still keep its id. */
    private static final int MATCH_REACH = 2;

    private final FrontierSettings settings;
    private final Map<Long, TileFrontier> tiles = new HashMap<>();
    private Map<Long, Long> idByCell = Map.of();
    private List<Frontier> frontiers = List.of();
    private long nextId = 1;

    public FrontierTracker(FrontierSettings settings) {
        this.settings = Require.present("settings", settings);
    }

    /**
     * Re-examines {@code touched} in {@code cells} and returns the frontiers, ordered by id. {@code scanId} and
     * {@code time} identify the scan that touched those tiles (pass every tile of the layer once to start).
     */
    public List<Frontier> update(GridCells cells, Collection<GridTile> touched, long scanId, Timestamp time) {
        Require.present("cells", cells);
        Require.present("touched", touched);
        Require.nonNegative("scan.id", scanId);
        Require.present("scan.time", time);
        for (GridTile tile : touched) {
            tileFor(tile.tx(), tile.ty()).stamp(scanId, time);
            int x0 = tile.firstCellX();
            int y0 = tile.firstCellY();
            for (int gy = y0 - 1; gy <= y0 + SIZE; gy++) {
                for (int gx = x0 - 1; gx <= x0 + SIZE; gx++) {
                    examine(cells, gx, gy, scanId, time);
                }
            }
        }
        tiles.values().removeIf(tile -> tile.count == 0);
        frontiers = cluster(cells);
        return frontiers;
    }

    /** The frontiers as of the last update, ordered by id. */
    public List<Frontier> frontiers() {
        return frontiers;
    }

    /** Number of frontier cells, before clustering and the minimum-area filter. */
    public int frontierCellCount() {
        int count = 0;
        for (TileFrontier tile : tiles.values()) {
            count += tile.count;
        }
        return count;
    }

    private void examine(GridCells cells, int gx, int gy, long scanId, Timestamp time) {
        CellThresholds thresholds = settings.thresholds();
        int mask = 0;
        if (thresholds.isFree(cells.valueAt(gx, gy))) {
            mask |= cells.valueAt(gx + 1, gy) < 0 ? EAST : 0;
            mask |= cells.valueAt(gx - 1, gy) < 0 ? WEST : 0;
            mask |= cells.valueAt(gx, gy + 1) < 0 ? NORTH : 0;
            mask |= cells.valueAt(gx, gy - 1) < 0 ? SOUTH : 0;
        }
        int tx = Math.floorDiv(gx, SIZE);
        int ty = Math.floorDiv(gy, SIZE);
        TileFrontier tile = mask == 0 ? tiles.get(tileKey(tx, ty)) : tileFor(tx, ty);
        if (tile != null && tile.set(Math.floorMod(gy, SIZE) * SIZE + Math.floorMod(gx, SIZE), (byte) mask)) {
            tile.stamp(scanId, time);
        }
    }

    private TileFrontier tileFor(int tx, int ty) {
        return tiles.computeIfAbsent(tileKey(tx, ty), key -> new TileFrontier(tx, ty));
    }

    private List<Frontier> cluster(GridCells cells) {
        // Every frontier cell, sorted so that regions and new ids come out in the same order every run.
        Map<Long, Integer> maskByCell = new HashMap<>();
        Map<Long, TileFrontier> tileByCell = new HashMap<>();
        for (TileFrontier tile : tiles.values()) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                if (tile.masks[i] != 0) {
                    long cell = cellKey(tile.tx * SIZE + (i % SIZE), tile.ty * SIZE + (i / SIZE));
                    maskByCell.put(cell, (int) tile.masks[i]);
                    tileByCell.put(cell, tile);
                }
            }
        }
        long[] sorted = maskByCell.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Set<Long> visited = new HashSet<>();
        List<Region> regions = new ArrayList<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (long start : sorted) {
            if (!visited.add(start)) {
                continue;
            }
            Region region = new Region();
            queue.add(start);
            while (!queue.isEmpty()) {
                long cell = queue.poll();
                region.cells.add(cell);
                int gx = cellX(cell);
                int gy = cellY(cell);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        long next = cellKey(gx + dx, gy + dy);
                        if ((dx != 0 || dy != 0) && maskByCell.containsKey(next) && visited.add(next)) {
                            queue.add(next);
                        }
                    }
                }
            }
            double area = region.cells.size() * cells.resolution() * cells.resolution();
            if (area >= settings.minAreaM2()) {
                regions.add(region);
            }
        }
        assignIds(regions);
        Map<Long, Long> nextIdByCell = new HashMap<>();
        List<Frontier> result = new ArrayList<>(regions.size());
        for (Region region : regions) {
            for (long cell : region.cells) {
                nextIdByCell.put(cell, region.id);
            }
            result.add(describe(region, cells, maskByCell, tileByCell));
        }
        idByCell = nextIdByCell;
        result.sort(Comparator.comparingLong(Frontier::id));
        return List.copyOf(result);
    }

    /** Largest regions first take the previous id they are nearest to most; the rest get fresh ids. */
    private void assignIds(List<Region> regions) {
        List<Region> bySize = new ArrayList<>(regions);
        bySize.sort(Comparator.comparingInt((Region r) -> r.cells.size()).reversed());
        Set<Long> taken = new HashSet<>();
        for (Region region : bySize) {
            Map<Long, Integer> overlap = new HashMap<>();
            for (long cell : region.cells) {
                int gx = cellX(cell);
                int gy = cellY(cell);
                // Within two cells rather than exact overlap: a frontier advances as the space behind it is seen.
                for (int dy = -MATCH_REACH; dy <= MATCH_REACH; dy++) {
                    for (int dx = -MATCH_REACH; dx <= MATCH_REACH; dx++) {
                        Long previous = idByCell.get(cellKey(gx + dx, gy + dy));
                        if (previous != null && !taken.contains(previous)) {
                            overlap.merge(previous, 1, Integer::sum);
                        }
                    }
                }
            }
            // Most overlapping cells wins; ties go to the older (smaller) id.
            long chosen = -1;
            int chosenOverlap = 0;
            for (Map.Entry<Long, Integer> entry : overlap.entrySet()) {
                long id = entry.getKey();
                int count = entry.getValue();
                if (count > chosenOverlap || (count == chosenOverlap && id < chosen)) {
                    chosen = id;
                    chosenOverlap = count;
                }
            }
            region.id = chosen;
            if (region.id >= 0) {
                taken.add(region.id);
            }
        }
        for (Region region : regions) {
            if (region.id < 0) {
                region.id = nextId++;
            }
        }
    }

    private Frontier describe(Region region, GridCells cells, Map<Long, Integer> maskByCell,
            Map<Long, TileFrontier> tileByCell) {
        double sumX = 0;
        double sumY = 0;
        double towardX = 0;
        double towardY = 0;
        TileFrontier latest = null;
        for (long cell : region.cells) {
            sumX += cells.centerX(cellX(cell));
            sumY += cells.centerY(cellY(cell));
            int mask = maskByCell.get(cell);
            towardX += ((mask & EAST) != 0 ? 1 : 0) - ((mask & WEST) != 0 ? 1 : 0);
            towardY += ((mask & NORTH) != 0 ? 1 : 0) - ((mask & SOUTH) != 0 ? 1 : 0);
            TileFrontier tile = tileByCell.get(cell);
            if (latest == null || tile.isLaterThan(latest)) {
                latest = tile;
            }
        }
        int n = region.cells.size();
        double cx = sumX / n;
        double cy = sumY / n;
        long nearest = region.cells.get(0);
        double best = Double.POSITIVE_INFINITY;
        for (long cell : region.cells) {
            double dx = cells.centerX(cellX(cell)) - cx;
            double dy = cells.centerY(cellY(cell)) - cy;
            double d2 = dx * dx + dy * dy;
            if (d2 < best || (d2 == best && cell < nearest)) {
                best = d2;
                nearest = cell;
            }
        }
        // Unknown on opposite sides cancels out; a region with no net direction faces +x.
        double yaw = towardX == 0 && towardY == 0 ? 0 : Math.atan2(towardY, towardX);
        double z = settings.poseHeight();
        Pose viewpoint = Pose.of(cells.centerX(cellX(nearest)), cells.centerY(cellY(nearest)), z, yaw);
        double area = n * cells.resolution() * cells.resolution();
        return new Frontier(region.id, n, area, new Vec3(cx, cy, z), viewpoint, latest.lastScanId, latest.lastTime);
    }

    private static long tileKey(int tx, int ty) {
        return cellKey(tx, ty);
    }

    private static long cellKey(int gx, int gy) {
        return ((long) gx << 32) | (gy & 0xFFFF_FFFFL);
    }

    private static int cellX(long key) {
        return (int) (key >> 32);
    }

    private static int cellY(long key) {
        return (int) key;
    }

    private static final class Region {
        final List<Long> cells = new ArrayList<>();
        long id = -1;
    }

    /** Frontier cells of one tile: per cell, which neighbours are unknown (0: not a frontier cell). */
    private static final class TileFrontier {
        final int tx;
        final int ty;
        final byte[] masks = new byte[SIZE * SIZE];
        int count;
        long lastScanId = -1;
        Timestamp lastTime = Timestamp.ZERO;

        TileFrontier(int tx, int ty) {
            this.tx = tx;
            this.ty = ty;
        }

        /** Returns whether the cell changed. */
        boolean set(int index, byte mask) {
            byte old = masks[index];
            if (old == mask) {
                return false;
            }
            count += (mask != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
            masks[index] = mask;
            return true;
        }

        void stamp(long scanId, Timestamp time) {
            if (lastScanId < 0 || time.compareTo(lastTime) > 0
                    || (time.equals(lastTime) && scanId > lastScanId)) {
                lastScanId = scanId;
                lastTime = time;
            }
        }

        boolean isLaterThan(TileFrontier other) {
            int byTime = lastTime.compareTo(other.lastTime);
            return byTime != 0 ? byTime > 0 : lastScanId > other.lastScanId;
        }
    }
}
