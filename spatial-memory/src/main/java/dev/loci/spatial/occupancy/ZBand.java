package dev.loci.spatial.occupancy;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * A height band in the map frame, e.g. the slab a robot's body sweeps: a 2D projection looks only at voxels
 * overlapping {@code [zMin, zMax]}.
 */
public record ZBand(double zMin, double zMax) {
    public ZBand {
        Require.inRange("band.zMin", zMin, -VoxelMap.MAX_COORDINATE, VoxelMap.MAX_COORDINATE);
        Require.inRange("band.zMax", zMax, -VoxelMap.MAX_COORDINATE, VoxelMap.MAX_COORDINATE);
        if (zMin > zMax) {
            throw new InvalidValueException("band", "[" + zMin + ", " + zMax + "]", "has zMin above zMax");
        }
    }
}
