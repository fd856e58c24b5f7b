package dev.loci.spatial.frontier;

import dev.loci.spatial.occupancy.CellThresholds;
import dev.loci.spatial.occupancy.GridTile;
import dev.loci.spatial.validation.Require;

/**
 * @param cellSizeM  frontiers are found on blocks of grid cells about this size (a power-of-two number of cells
 *                   per side, 1 to 16, the largest not exceeding this size). A 360-beam scan leaves unknown gaps
 *                   between neighbouring beams wider than a 0.05 m cell beyond 3 m, which would make every beam
 *                   a frontier; 0.2 m blocks close those gaps out to 11 m. Use the grid resolution for per-cell
 *                   frontiers.
 * @param minAreaM2  regions smaller than this are dropped (a cell missed inside a room, a gap between beams).
 *                   A frontier is a band one block wide, so its area is about its length times the block size:
 *                   0.1 m^2 keeps frontiers of 0.5 m and up with 0.2 m blocks.
 * @param thresholds which cell values count as free
 * @param poseHeight z of the viewpoint poses (0: a navigation goal on the floor)
 */
public record FrontierSettings(double cellSizeM, double minAreaM2, CellThresholds thresholds, double poseHeight) {
    public static final FrontierSettings DEFAULT = new FrontierSettings(0.2, 0.1, CellThresholds.EVEN_ODDS, 0);

    public FrontierSettings {
        Require.inRange("frontier.cellSizeM", cellSizeM, 0, 100);
        Require.inRange("frontier.minAreaM2", minAreaM2, 0, 1e6);
        Require.present("frontier.thresholds", thresholds);
        Require.inRange("frontier.poseHeight", poseHeight, -1e5, 1e5);
    }

    public FrontierSettings withMinAreaM2(double area) {
        return new FrontierSettings(cellSizeM, area, thresholds, poseHeight);
    }

    public FrontierSettings withCellSizeM(double size) {
        return new FrontierSettings(size, minAreaM2, thresholds, poseHeight);
    }

    /** Grid cells per block side at {@code resolution}: a power of two from 1 to {@link GridTile#SIZE}. */
    int cellsPerBlock(double resolution) {
        int cells = 1;
        while (cells < GridTile.SIZE && (cells * 2) * resolution <= cellSizeM + 1e-9) {
            cells *= 2;
        }
        return cells;
    }
}
