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
    private final Map<Long, ProjectedTile> tiles = new HashMap<>();
    private long cachedKey = Long.MIN_VALUE;
    private ProjectedTile cachedTile;

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
            ProjectedTile projected = tiles.get(tile.key());
            if (projected == null) {
                if (isAllUnknown(scratch)) {
                    continue; // touched only outside the band: keep the layer's extent tight
                }
                projected = new ProjectedTile(tile.tx(), tile.ty());
                tiles.put(tile.key(), projected);
            }
            System.arraycopy(scratch, 0, projected.values, 0, scratch.length);
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
        long key = GridTile.key(gx >> SHIFT, gy >> SHIFT);
        if (key != cachedKey) {
            cachedTile = tiles.get(key);
            cachedKey = key;
        }
        return cachedTile == null ? OccupancyGrid.UNKNOWN
                : cachedTile.values[((gy & (SIZE - 1)) << SHIFT) | (gx & (SIZE - 1))];
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
        for (ProjectedTile tile : tiles.values()) {
            minTx = Math.min(minTx, tile.tx);
            minTy = Math.min(minTy, tile.ty);
            maxTx = Math.max(maxTx, tile.tx);
            maxTy = Math.max(maxTy, tile.ty);
        }
        int width = Math.multiplyExact(maxTx - minTx + 1, SIZE);
        int height = Math.multiplyExact(maxTy - minTy + 1, SIZE);
        byte[] data = new byte[Math.multiplyExact(width, height)];
        Arrays.fill(data, OccupancyGrid.UNKNOWN);
        for (ProjectedTile tile : tiles.values()) {
            int col0 = (tile.tx - minTx) * SIZE;
            int row0 = (tile.ty - minTy) * SIZE;
            for (int ly = 0; ly < SIZE; ly++) {
                System.arraycopy(tile.values, ly * SIZE, data, (row0 + ly) * width + col0, SIZE);
            }
        }
        return new OccupancyGrid(resolution, width, height, minTx * SIZE * resolution, minTy * SIZE * resolution,
                data);
    }

    /** Projected values of one tile, row-major, with its coordinates (the map key is hashed). */
    private static final class ProjectedTile {
        final int tx;
        final int ty;
        final byte[] values = new byte[SIZE * SIZE];

        ProjectedTile(int tx, int ty) {
            this.tx = tx;
            this.ty = ty;
        }
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
