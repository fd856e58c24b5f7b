package dev.loci.spatial.frontier;

import dev.loci.spatial.occupancy.CellThresholds;
import dev.loci.spatial.validation.Require;

/**
 * @param minAreaM2  regions smaller than this are dropped (noise: a missed cell inside a room, a gap between two
 *                   beams). A frontier is a band one cell wide, so its area is about its length times the
 *                   resolution: at 0.1 m, 0.04 m^2 keeps frontiers of 4 cells (0.4 m) and up.
 * @param thresholds which cell values count as free
 * @param poseHeight z of the viewpoint poses (0: a navigation goal on the floor)
 */
public record FrontierSettings(double minAreaM2, CellThresholds thresholds, double poseHeight) {
    public static final FrontierSettings DEFAULT = new FrontierSettings(0.04, CellThresholds.EVEN_ODDS, 0);

    public FrontierSettings {
        Require.inRange("frontier.minAreaM2", minAreaM2, 0, 1e6);
        Require.present("frontier.thresholds", thresholds);
        Require.inRange("frontier.poseHeight", poseHeight, -1e5, 1e5);
    }

    public FrontierSettings withMinAreaM2(double area) {
        return new FrontierSettings(area, thresholds, poseHeight);
    }
}
