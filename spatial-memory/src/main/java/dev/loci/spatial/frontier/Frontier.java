package dev.loci.spatial.frontier;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;

/**
 * A connected region of frontier cells: known free cells with an unknown cell beside them, where exploring
 * would reveal new space.
 *
 * @param id            stable across updates while the region persists (matched to previous cells within two cells)
 * @param cells         number of frontier cells
 * @param areaM2        cells times the cell area
 * @param centroid      mean of the cell centres (may lie off the region when it is curved)
 * @param viewpoint     a frontier cell near the centroid, facing the mean direction of its unknown neighbours:
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
