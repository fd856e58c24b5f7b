package dev.loci.ros.memory;

import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.provenance.Timestamp;

/** A nav_msgs/OccupancyGrid on its way out (or in, for tests and tools): the grid, its stamp and frame. */
public final class GridMessage {
    Timestamp stamp = Timestamp.ZERO;
    String frameId = "map";
    OccupancyGrid grid = OccupancyGrid.unknown(1, 1, 1, 0, 0);

    public Timestamp stamp() {
        return stamp;
    }

    public String frameId() {
        return frameId;
    }

    public OccupancyGrid grid() {
        return grid;
    }
}
