package dev.loci.spatial.occupancy;

import dev.loci.spatial.validation.Require;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A 2D projection of one {@link ZBand} of a {@link VoxelMap} kept up to date tile by tile: after each scan,
 * {@link #refresh} re-projects only the tiles the scan touched, instead of the whole floor. Reads go straight
 * to the tiles ({@link GridCells}); {@link #toGrid()} copies them into an {@link OccupancyGrid} when a whole
 * grid is wanted (publishing, segmentation, planning).
 *
 * <p>Not thread-safe, like the map it reads.
 */
public final class IncrementalProjection implements GridCells {
    private static final int SIZE = GridTile.SIZE;
    private static final int SHIFT = Chunk.SHIFT;

    private final VoxelMap map;
    private final ZBand band;
    private final Map<Long, byte[]> tiles = new HashMap<>();
    private long cachedKey = Long.MIN_VALUE;
    private byte[] cachedTile;

    /** Projects every tile the map already holds in {@code band}. */
    public IncrementalProjection(VoxelMap map, ZBand band) {
        this.map = Require.present("map", map);
        this.band = Require.present("band", band);
        refresh(map.tiles(band));
    }

    public ZBand band() {
        return band;
    }

    /** Re-projects {@code touched} (typically {@link ScanResult#touchedTiles()}) from the map. */
    public void refresh(Collection<GridTile> touched) {
        Require.present("touched", touched);
        byte[] scratch = new byte[SIZE * SIZE];
        for (GridTile tile : touched) {
            map.projectTile(band, tile, scratch);
            byte[] values = tiles.get(tile.key());
            if (values == null) {
                if (isAllUnknown(scratch)) {
                    continue; // touched only outside the band: keep the layer's extent tight
                }
                values = new byte[SIZE * SIZE];
                tiles.put(tile.key(), values);
            }
            System.arraycopy(scratch, 0, values, 0, values.length);
        }
    }

    public int tileCount() {
        return tiles.size();
    }

    @Override
    public double resolution() {
        return map.resolution();
    }

    @Override
    public int valueAt(int gx, int gy) {
        long key = ((long) (gx >> SHIFT) << 32) | ((gy >> SHIFT) & 0xFFFF_FFFFL);
        if (key != cachedKey) {
            cachedTile = tiles.get(key);
            cachedKey = key;
        }
        return cachedTile == null ? OccupancyGrid.UNKNOWN : cachedTile[((gy & (SIZE - 1)) << SHIFT) | (gx & (SIZE - 1))];
    }

    @Override
    public double centerX(int gx) {
        return (gx + 0.5) * map.resolution();
    }

    @Override
    public double centerY(int gy) {
        return (gy + 0.5) * map.resolution();
    }

    /** The projected tiles as one grid spanning all of them (unknown where no tile is). */
    public OccupancyGrid toGrid() {
        double resolution = map.resolution();
        if (tiles.isEmpty()) {
            return OccupancyGrid.unknown(resolution, 0, 0, 0, 0);
        }
        int minTx = Integer.MAX_VALUE;
        int minTy = Integer.MAX_VALUE;
        int maxTx = Integer.MIN_VALUE;
        int maxTy = Integer.MIN_VALUE;
        for (long key : tiles.keySet()) {
            int tx = (int) (key >> 32);
            int ty = (int) key;
            minTx = Math.min(minTx, tx);
            minTy = Math.min(minTy, ty);
            maxTx = Math.max(maxTx, tx);
            maxTy = Math.max(maxTy, ty);
        }
        int width = Math.multiplyExact(maxTx - minTx + 1, SIZE);
        int height = Math.multiplyExact(maxTy - minTy + 1, SIZE);
        byte[] data = new byte[Math.multiplyExact(width, height)];
        Arrays.fill(data, OccupancyGrid.UNKNOWN);
        for (Map.Entry<Long, byte[]> entry : tiles.entrySet()) {
            int col0 = ((int) (entry.getKey() >> 32) - minTx) * SIZE;
            int row0 = ((int) (long) entry.getKey() - minTy) * SIZE;
            for (int ly = 0; ly < SIZE; ly++) {
                System.arraycopy(entry.getValue(), ly * SIZE, data, (row0 + ly) * width + col0, SIZE);
            }
        }
        return new OccupancyGrid(resolution, width, height, minTx * SIZE * resolution, minTy * SIZE * resolution,
                data);
    }

    private static boolean isAllUnknown(byte[] values) {
        for (byte v : values) {
            if (v != OccupancyGrid.UNKNOWN) {
                return false;
            }
        }
        return true;
    }
}
