/**
 * Frontiers: where known free space meets unknown space, the places worth exploring next.
 *
 * <p>A frontier cell is a free cell (by {@link dev.loci.spatial.occupancy.CellThresholds}) with at least one of
 * its four side neighbours unknown. Frontier cells are grouped into regions by 8-connectivity; regions smaller
 * than a minimum area are dropped as noise. Each {@link dev.loci.spatial.frontier.Frontier} carries a viewpoint
 * pose on the region facing the mean direction of its unknown neighbours, and the last scan that touched it.
 *
 * <p>{@link dev.loci.spatial.frontier.FrontierTracker} is incremental: a scan reports the tiles it touched, only
 * those (and the one-cell ring around them) are re-examined, then regions are rebuilt from the stored frontier
 * cells. A region disappears once the space behind it has been observed.
 */
package dev.loci.spatial.frontier;
