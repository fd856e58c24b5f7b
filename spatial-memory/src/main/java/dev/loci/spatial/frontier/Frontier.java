package dev.loci.spatial.frontier;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;

/**
 * A connected region of frontier blocks: known free space with unknown space beside it, where exploring
 * would reveal more.
 *
 * @param id            stable across updates while the region persists (matched to previous blocks within two blocks)
 * @param cells         number of frontier blocks ({@link FrontierSettings#cellSizeM()}; grid cells when that is
 *                      the grid resolution)
 * @param areaM2        blocks times the block area
 * @param centroid      mean of the block centres (may lie off the region when it is curved)
 * @param viewpoint     the frontier block nearest the centroid, facing the mean direction of its unknown neighbours:
 *                      a goal from which a robot looks into the unexplored space
 * @param lastScanId    the latest scan that touched the region (as passed by the caller)
 * @param lastScanTime  the time of that scan
 */
public record Frontier(long id, int cells, double areaM2, Vec3 centroid, Pose viewpoint, long lastScanId,
        Timestamp lastScanTime) {
    public Frontier {
        Require.nonNegative("frontier.id", id);
        Require.positive("frontier.cells", cells);
        Require.positive("frontier.areaM2", areaM2);
        Require.present("frontier.centroid", centroid);
        Require.present("frontier.viewpoint", viewpoint);
        Require.nonNegative("frontier.lastScanId", lastScanId);
        Require.present("frontier.lastScanTime", lastScanTime);
    }

    /** Heading of the viewpoint, radians in (-pi, pi]. */
    public double yaw() {
        return viewpoint.orientation().yaw();
    }
}
