package dev.loci.spatial.occupancy;

/** What the map believes about one voxel: occupied above even odds, free at or below, unknown if never seen. */
public enum VoxelState {
    UNKNOWN,
    FREE,
    OCCUPIED
}
