package dev.loci.spatial.occupancy;

import dev.loci.spatial.provenance.Timestamp;
import java.util.List;

/**
 * What one {@link VoxelMap#integrate} did.
 *
 * @param occupiedUpdates voxels that took a hit update
 * @param freeUpdates     voxels that took a miss update (each voxel at most once per scan, a hit wins)
 * @param touchedTiles    2D tiles whose voxels this scan updated: the only ones a projection or a frontier
 *                        tracker needs to re-examine
 */
public record ScanResult(long scanId, Timestamp time, int beams, int occupiedUpdates, int freeUpdates,
        List<GridTile> touchedTiles) {
    public ScanResult {
        touchedTiles = List.copyOf(touchedTiles);
    }
}
