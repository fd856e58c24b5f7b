/**
 * Frontiers: where known free space meets unknown space, the places worth exploring next.
 *
 * <p>Frontiers are found on square blocks of grid cells (0.2 m by default; a block is occupied if any cell is,
 * else free if any cell is free by {@link dev.loci.spatial.occupancy.CellThresholds}, unknown if all are
 * unknown): blocks this size close the gaps a 360-beam scan leaves between neighbouring beams, which at 0.05 m
 * would turn every beam into a frontier. A frontier block is a free block with at least one of its four side
 * neighbours unknown. Frontier blocks are grouped into regions by 8-connectivity; regions smaller than a
 * minimum area are dropped as noise. Each {@link dev.loci.spatial.frontier.Frontier} carries a viewpoint
 * pose on the region facing the mean direction of its unknown neighbours, and the last scan that touched it.
 *
 * <p>{@link dev.loci.spatial.frontier.FrontierTracker} is incremental: a scan reports the tiles it touched, only
 * those (and the one-block ring around them) are re-examined, then regions are rebuilt from the stored frontier
 * blocks. A region disappears once the space behind it has been observed.
 */
package dev.loci.spatial.frontier;
