package dev.loci.bench.workload;

import dev.loci.spatial.geometry.Vec3;

/**
 * A kind of object a detector reports, with its typical size and where such things stand.
 *
 * @param typicalSize box size in metres (x, y, z)
 * @param onFloor     true for things that stand on the floor (chairs, bins); false for things kept on
 *                    tables and shelves (mugs, laptops)
 */
public record ObjectClass(String label, Vec3 typicalSize, boolean onFloor) {
}
