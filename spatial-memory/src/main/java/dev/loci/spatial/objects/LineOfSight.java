package dev.loci.spatial.objects;

import dev.loci.spatial.geometry.Vec3;

/** Whether nothing known blocks the straight line between two points (an occupancy map answers this). */
@FunctionalInterface
public interface LineOfSight {
    /** For memories without an occupancy map: nothing is known to block any view. */
    LineOfSight NOTHING_KNOWN_TO_BLOCK = (from, to) -> true;

    boolean clear(Vec3 from, Vec3 to);
}
