/**
 * Places (rooms, corridors) segmented from a 2D occupancy grid, their adjacency, and A* path planning.
 *
 * <p><b>Segmentation rule</b> ({@link dev.loci.spatial.place.PlaceSegmenter}):
 * <ol>
 *   <li>Free cells are those at or below the free threshold; unknown and occupied cells, and the space beyond
 *       the grid, bound free space.</li>
 *   <li>An exact Euclidean distance transform gives each free cell its clearance: the distance to the nearest
 *       non-free cell. Room centres have high clearance, doorways low.</li>
 *   <li>Watershed from the clearance maxima: cells are taken in falling clearance; a cell with no labelled
 *       neighbour starts a basin, otherwise it joins the neighbouring basin with the highest peak. The
 *       clearance at which two basins first touch is their saddle: half the width of the widest passage
 *       between them.</li>
 *   <li>Merging, widest saddle first: two regions stay apart only if the passage between them looks like a
 *       doorway, that is both {@code saddle < mergeRatio * min(peakA, peakB)} (much narrower than the narrower
 *       region itself) and {@code passage width <= maxDoorWidthM} (door-sized). Otherwise they become one
 *       place: two maxima along one room's ridge, the two sides of a pillar, an open-plan space.</li>
 *   <li>Regions below the minimum place area are folded into the neighbour they share the widest passage
 *       with; a small region with no neighbour is dropped.</li>
 * </ol>
 * Places are numbered 1..N by their first cell, row-major from the grid origin, and named "place_N" until
 * renamed. Two places are adjacent when any of their cells are 8-neighbours; the link carries the doorway (the
 * boundary point with the most clearance) and its estimated width (within half a cell). A corridor barely wider
 * than its doors may merge into a room it opens onto (raise the merge ratio to keep it apart), and furniture
 * leaving door-sized gaps splits a room.
 *
 * <p><b>Planning</b> ({@link dev.loci.spatial.place.GridPlanner}): 8-connected A* with the octile heuristic, no
 * corner cutting, optional inflation of occupied cells by a robot radius, unknown cells blocked or allowed by
 * a flag. Path lengths are measured between cell centres.
 */
package dev.loci.spatial.place;
