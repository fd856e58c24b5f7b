package dev.loci.spatial.occupancy;

/**
 * Read access to a 2D occupancy layer by global cell index: cell (gx, gy) spans
 * {@code [gx*resolution, (gx+1)*resolution)} in x (likewise y) for layers aligned to the map, which every
 * projection of a {@link VoxelMap} is. Values follow nav_msgs/OccupancyGrid: -1 unknown, else 0..100.
 */
public interface GridCells {
    double resolution();

    /** Occupancy percent of the cell, -1 when unknown or outside the layer. */
    int valueAt(int gx, int gy);

    /** Map-frame x of the centre of column {@code gx}. */
    double centerX(int gx);

    /** Map-frame y of the centre of row {@code gy}. */
    double centerY(int gy);
}
