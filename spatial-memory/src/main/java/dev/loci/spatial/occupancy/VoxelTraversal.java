package dev.loci.spatial.occupancy;

/**
 * Amanatides and Woo's voxel traversal ("A Fast Voxel Traversal Algorithm for Ray Tracing", 1987): visits,
 * in order, every voxel a segment passes through. Coordinates are in voxel units (metres / resolution), so
 * voxel (i, j, k) is the unit cube at floor(x) = i etc.
 *
 * <p>The walk takes exactly |di| + |dj| + |dk| steps from the start voxel to the end voxel and never steps an
 * axis past its end index, so rounding can neither overshoot the end voxel nor loop forever.
 */
final class VoxelTraversal {
    interface Visitor {
        void visit(int x, int y, int z);
    }

    private VoxelTraversal() {
    }

    /** Visits voxels from the one holding start to the one holding end; the end voxel only if asked. */
    static void traverse(double sx, double sy, double sz, double ex, double ey, double ez, boolean includeEnd,
            Visitor visitor) {
        int x = (int) Math.floor(sx);
        int y = (int) Math.floor(sy);
        int z = (int) Math.floor(sz);
        int endX = (int) Math.floor(ex);
        int endY = (int) Math.floor(ey);
        int endZ = (int) Math.floor(ez);
        double dx = ex - sx;
        double dy = ey - sy;
        double dz = ez - sz;
        int stepX = dx >= 0 ? 1 : -1;
        int stepY = dy >= 0 ? 1 : -1;
        int stepZ = dz >= 0 ? 1 : -1;
        // t runs 0..1 along the segment; tMax is where the next boundary on that axis is crossed.
        double tDeltaX = dx != 0 ? Math.abs(1 / dx) : Double.POSITIVE_INFINITY;
        double tDeltaY = dy != 0 ? Math.abs(1 / dy) : Double.POSITIVE_INFINITY;
        double tDeltaZ = dz != 0 ? Math.abs(1 / dz) : Double.POSITIVE_INFINITY;
        double tMaxX = dx > 0 ? (x + 1 - sx) * tDeltaX : dx < 0 ? (sx - x) * tDeltaX : Double.POSITIVE_INFINITY;
        double tMaxY = dy > 0 ? (y + 1 - sy) * tDeltaY : dy < 0 ? (sy - y) * tDeltaY : Double.POSITIVE_INFINITY;
        double tMaxZ = dz > 0 ? (z + 1 - sz) * tDeltaZ : dz < 0 ? (sz - z) * tDeltaZ : Double.POSITIVE_INFINITY;
        int steps = Math.abs(endX - x) + Math.abs(endY - y) + Math.abs(endZ - z);
        for (int i = 0; i < steps; i++) {
            visitor.visit(x, y, z);
            double nextX = x != endX ? tMaxX : Double.POSITIVE_INFINITY;
            double nextY = y != endY ? tMaxY : Double.POSITIVE_INFINITY;
            double nextZ = z != endZ ? tMaxZ : Double.POSITIVE_INFINITY;
            // Axes already at their end are out of the race, so at least one finite candidate remains.
            if (nextX <= nextY && nextX <= nextZ) {
                x += stepX;
                tMaxX += tDeltaX;
            } else if (nextY <= nextZ) {
                y += stepY;
                tMaxY += tDeltaY;
            } else {
                z += stepZ;
                tMaxZ += tDeltaZ;
            }
        }
        if (includeEnd) {
            visitor.visit(x, y, z);
        }
    }
}
