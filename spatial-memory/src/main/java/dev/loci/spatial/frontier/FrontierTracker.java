package dev.loci.spatial.frontier;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.CellThresholds;
import dev.loci.spatial.occupancy.GridCells;
import dev.loci.spatial.occupancy.GridTile;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the frontiers of a 2D occupancy layer up to date scan by scan.
 *
 * <p>Frontiers are found on blocks of grid cells ({@link FrontierSettings#cellSizeM()}): a block is occupied if
 * any of its cells is, else free if any is free, unknown if all are unknown. A frontier block is a free block
 * with an unknown block on at least one of its four sides. Frontier blocks are stored per {@link GridTile} with
 * the sides on which they see unknown space. {@link #update} re-examines only the tiles the latest scan touched
 * (plus the one-block ring around each, whose status depends on the touched cells), then rebuilds the
 * 8-connected regions from the stored frontier blocks, which are few compared to the grid. A region keeps the
 * id of the previous region it shares most blocks with or, sharing none, lies within two blocks of, so a
 * frontier keeps its id as it advances.
 *
 * <p>The layer passed to {@link #update} must be the one the tracker has been following (typically an
 * {@link dev.loci.spatial.occupancy.IncrementalProjection}) at one resolution; cells outside it read as unknown.
 * Not thread-safe.
 */
public final class FrontierTracker {
    private static final int EAST = 1;
    private static final int WEST = 2;
    private static final int NORTH = 4;
    private static final int SOUTH = 8;
    private static final byte UNKNOWN = 0;
    private static final byte FREE = 1;
    private static final byte OCCUPIED = 2;
    private static final byte UNCERTAIN = 3;
    /** Blocks a region may have moved since the last update and still keep its id. */
    private static final int MATCH_REACH = 2;

    private final FrontierSettings settings;
    private final Map<Long, TileFrontier> tiles = new HashMap<>();
    private LongIntMap previousRegionOfBlock = new LongIntMap(16);
    private long[] previousIds = new long[0];
    private List<Frontier> frontiers = List.of();
    private long nextId = 1;
    private double resolution = Double.NaN;
    private int blockCells;
    private int blocksPerTile;
    private byte[] classes = new byte[0];

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
        useResolution(cells.resolution());
        for (GridTile tile : touched) {
            tileFor(tile.tx(), tile.ty()).stamp(scanId, time);
            examine(cells, tile, scanId, time);
        }
        tiles.values().removeIf(tile -> tile.count == 0);
        frontiers = cluster(cells);
        return frontiers;
    }

    /** The frontiers as of the last update, ordered by id. */
    public List<Frontier> frontiers() {
        return frontiers;
    }

    /** Number of frontier blocks, before clustering and the minimum-area filter. */
    public int frontierBlockCount() {
        int count = 0;
        for (TileFrontier tile : tiles.values()) {
            count += tile.count;
        }
        return count;
    }

    private void useResolution(double cellResolution) {
        if (Double.isNaN(resolution)) {
            resolution = cellResolution;
            blockCells = settings.cellsPerBlock(cellResolution);
            blocksPerTile = GridTile.SIZE / blockCells;
            int span = blocksPerTile + 4;
            classes = new byte[span * span];
        } else if (cellResolution != resolution) {
            throw new InvalidValueException("cells.resolution", cellResolution,
                    "differs from the " + resolution + " m this tracker follows");
        }
    }

    /** Classifies the tile's blocks and a two-block margin once, then sets the masks of the tile and its ring. */
    private void examine(GridCells cells, GridTile tile, long scanId, Timestamp time) {
        int span = blocksPerTile + 4;
        int bx0 = tile.tx() * blocksPerTile;
        int by0 = tile.ty() * blocksPerTile;
        for (int j = 0; j < span; j++) {
            for (int i = 0; i < span; i++) {
                classes[j * span + i] = classify(cells, bx0 - 2 + i, by0 - 2 + j);
            }
        }
        for (int j = 1; j < span - 1; j++) {
            for (int i = 1; i < span - 1; i++) {
                int at = j * span + i;
                int mask = 0;
                if (classes[at] == FREE) {
                    mask |= classes[at + 1] == UNKNOWN ? EAST : 0;
                    mask |= classes[at - 1] == UNKNOWN ? WEST : 0;
                    mask |= classes[at + span] == UNKNOWN ? NORTH : 0;
                    mask |= classes[at - span] == UNKNOWN ? SOUTH : 0;
                }
                setBlock(bx0 - 2 + i, by0 - 2 + j, mask, scanId, time);
            }
        }
    }

    private byte classify(GridCells cells, int bx, int by) {
        CellThresholds thresholds = settings.thresholds();
        boolean free = false;
        boolean known = false;
        int gx0 = bx * blockCells;
        int gy0 = by * blockCells;
        for (int gy = gy0; gy < gy0 + blockCells; gy++) {
            for (int gx = gx0; gx < gx0 + blockCells; gx++) {
                int value = cells.valueAt(gx, gy);
                if (thresholds.isOccupied(value)) {
                    return OCCUPIED;
                }
                free |= thresholds.isFree(value);
                known |= value >= 0;
            }
        }
        return free ? FREE : known ? UNCERTAIN : UNKNOWN;
    }

    private void setBlock(int bx, int by, int mask, long scanId, Timestamp time) {
        int tx = Math.floorDiv(bx, blocksPerTile);
        int ty = Math.floorDiv(by, blocksPerTile);
        TileFrontier tile = mask == 0 ? tiles.get(tileKey(tx, ty)) : tileFor(tx, ty);
        int index = (by - ty * blocksPerTile) * blocksPerTile + (bx - tx * blocksPerTile);
        if (tile != null && tile.set(index, (byte) mask)) {
            tile.stamp(scanId, time);
        }
    }

    private TileFrontier tileFor(int tx, int ty) {
        return tiles.computeIfAbsent(tileKey(tx, ty), k -> new TileFrontier(tx, ty, blocksPerTile));
    }

    private List<Frontier> cluster(GridCells cells) {
        // Every frontier block, in key order so that regions and new ids come out the same every run.
        List<TileFrontier> tileList = new ArrayList<>(tiles.values());
        LongIntMap index = new LongIntMap(frontierBlockCount());
        for (int t = 0; t < tileList.size(); t++) {
            TileFrontier tile = tileList.get(t);
            for (int i = 0; i < tile.masks.length; i++) {
                if (tile.masks[i] != 0) {
                    int bx = tile.tx * blocksPerTile + i % blocksPerTile;
                    int by = tile.ty * blocksPerTile + i / blocksPerTile;
                    index.put(key(bx, by), (t << 4) | tile.masks[i]);
                }
            }
        }
        long[] blocks = index.sortedKeys();
        int n = blocks.length;
        int[] info = new int[n];
        for (int p = 0; p < n; p++) {
            info[p] = index.get(blocks[p]);
            index.put(blocks[p], p);
        }
        // Breadth-first over 8-neighbours; each region is a contiguous run of `members`.
        boolean[] visited = new boolean[n];
        int[] members = new int[n];
        List<int[]> regions = new ArrayList<>();
        int tail = 0;
        double blockArea = Math.pow(blockCells * resolution, 2);
        for (int start = 0; start < n; start++) {
            if (visited[start]) {
                continue;
            }
            int begin = tail;
            visited[start] = true;
            members[tail++] = start;
            for (int head = begin; head < tail; head++) {
                int bx = blockX(blocks[members[head]]);
                int by = blockY(blocks[members[head]]);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int next = index.get(key(bx + dx, by + dy));
                        if (next >= 0 && !visited[next]) {
                            visited[next] = true;
                            members[tail++] = next;
                        }
                    }
                }
            }
            if ((tail - begin) * blockArea >= settings.minAreaM2()) {
                regions.add(new int[] {begin, tail});
            }
        }
        long[] ids = assignIds(regions, members, blocks);
        LongIntMap regionOfBlock = new LongIntMap(n);
        List<Frontier> result = new ArrayList<>(regions.size());
        for (int r = 0; r < regions.size(); r++) {
            int[] span = regions.get(r);
            for (int m = span[0]; m < span[1]; m++) {
                regionOfBlock.put(blocks[members[m]], r);
            }
            result.add(describe(ids[r], span, members, blocks, info, tileList, cells));
        }
        previousRegionOfBlock = regionOfBlock;
        previousIds = ids;
        result.sort(Comparator.comparingLong(Frontier::id));
        return List.copyOf(result);
    }

    /** Largest regions first take the previous id they are nearest to most; the rest get fresh ids. */
    private long[] assignIds(List<int[]> regions, int[] members, long[] blocks) {
        long[] ids = new long[regions.size()];
        Arrays.fill(ids, -1);
        Integer[] bySize = new Integer[regions.size()];
        for (int r = 0; r < bySize.length; r++) {
            bySize[r] = r;
        }
        Arrays.sort(bySize, Comparator.comparingInt((Integer r) -> regions.get(r)[1] - regions.get(r)[0]).reversed()
                .thenComparingInt(r -> r));
        // Votes per previous region, counted in arrays (no boxing: this runs for every block on every scan).
        boolean[] taken = new boolean[previousIds.length];
        int[] votes = new int[previousIds.length];
        int[] voted = new int[previousIds.length];
        for (int r : bySize) {
            // Blocks still where they were decide; only a region that moved off all its old blocks looks within
            // two blocks (a frontier advances as the space behind it is seen). One lookup per block, mostly.
            int votedCount = vote(regions.get(r), members, blocks, 0, taken, votes, voted, 0);
            if (votedCount == 0) {
                votedCount = vote(regions.get(r), members, blocks, MATCH_REACH, taken, votes, voted, 0);
            }
            // Most votes wins; ties go to the older (smaller) id.
            int chosen = -1;
            for (int v = 0; v < votedCount; v++) {
                int previous = voted[v];
                if (chosen < 0 || votes[previous] > votes[chosen]
                        || (votes[previous] == votes[chosen] && previousIds[previous] < previousIds[chosen])) {
                    chosen = previous;
                }
            }
            for (int v = 0; v < votedCount; v++) {
                votes[voted[v]] = 0;
            }
            if (chosen >= 0) {
                ids[r] = previousIds[chosen];
                taken[chosen] = true;
            }
        }
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] < 0) {
                ids[r] = nextId++;
            }
        }
        return ids;
    }

    /** Counts, per untaken previous region, the blocks of {@code span} within {@code reach} of its blocks. */
    private int vote(int[] span, int[] members, long[] blocks, int reach, boolean[] taken, int[] votes, int[] voted,
            int votedCount) {
        for (int m = span[0]; m < span[1]; m++) {
            int bx = blockX(blocks[members[m]]);
            int by = blockY(blocks[members[m]]);
            for (int dy = -reach; dy <= reach; dy++) {
                for (int dx = -reach; dx <= reach; dx++) {
                    int previous = previousRegionOfBlock.get(key(bx + dx, by + dy));
                    if (previous >= 0 && !taken[previous] && votes[previous]++ == 0) {
                        voted[votedCount++] = previous;
                    }
                }
            }
        }
        return votedCount;
    }

    private Frontier describe(long id, int[] span, int[] members, long[] blocks, int[] info,
            List<TileFrontier> tileList, GridCells cells) {
        int count = span[1] - span[0];
        double sumX = 0;
        double sumY = 0;
        double towardX = 0;
        double towardY = 0;
        TileFrontier latest = null;
        for (int m = span[0]; m < span[1]; m++) {
            int p = members[m];
            sumX += centerX(cells, blockX(blocks[p]));
            sumY += centerY(cells, blockY(blocks[p]));
            int mask = info[p] & 0xF;
            towardX += ((mask & EAST) != 0 ? 1 : 0) - ((mask & WEST) != 0 ? 1 : 0);
            towardY += ((mask & NORTH) != 0 ? 1 : 0) - ((mask & SOUTH) != 0 ? 1 : 0);
            TileFrontier tile = tileList.get(info[p] >>> 4);
            if (latest == null || tile.isLaterThan(latest)) {
                latest = tile;
            }
        }
        double cx = sumX / count;
        double cy = sumY / count;
        long nearest = blocks[members[span[0]]];
        double best = Double.POSITIVE_INFINITY;
        for (int m = span[0]; m < span[1]; m++) {
            long block = blocks[members[m]];
            double dx = centerX(cells, blockX(block)) - cx;
            double dy = centerY(cells, blockY(block)) - cy;
            double d2 = dx * dx + dy * dy;
            if (d2 < best || (d2 == best && block < nearest)) {
                best = d2;
                nearest = block;
            }
        }
        // Unknown on opposite sides cancels out; a region with no net direction faces +x.
        double yaw = towardX == 0 && towardY == 0 ? 0 : Math.atan2(towardY, towardX);
        double z = settings.poseHeight();
        Pose viewpoint = Pose.of(centerX(cells, blockX(nearest)), centerY(cells, blockY(nearest)), z, yaw);
        double area = count * Math.pow(blockCells * resolution, 2);
        return new Frontier(id, count, area, new Vec3(cx, cy, z), viewpoint, latest.lastScanId, latest.lastTime);
    }

    private double centerX(GridCells cells, int bx) {
        return (cells.centerX(bx * blockCells) + cells.centerX(bx * blockCells + blockCells - 1)) / 2;
    }

    private double centerY(GridCells cells, int by) {
        return (cells.centerY(by * blockCells) + cells.centerY(by * blockCells + blockCells - 1)) / 2;
    }

    /** Packed and multiplied by an odd constant: a plain packed long hashes to x ^ y in a HashMap. */
    private static long tileKey(int tx, int ty) {
        return key(tx, ty) * 0x9E37_79B9_7F4A_7C15L;
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xFFFF_FFFFL);
    }

    private static int blockX(long key) {
        return (int) (key >> 32);
    }

    private static int blockY(long key) {
        return (int) key;
    }

    /** Frontier blocks of one tile: per block, on which sides it sees unknown space (0: not a frontier). */
    private static final class TileFrontier {
        final int tx;
        final int ty;
        final byte[] masks;
        int count;
        long lastScanId = -1;
        Timestamp lastTime = Timestamp.ZERO;

        TileFrontier(int tx, int ty, int blocksPerTile) {
            this.tx = tx;
            this.ty = ty;
            this.masks = new byte[blocksPerTile * blocksPerTile];
        }

        /** Returns whether the block changed. */
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
