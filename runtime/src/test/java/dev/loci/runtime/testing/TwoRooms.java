package dev.loci.runtime.testing;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;

/**
 * A test floor (shared through runtime's test-jar): two 5 m x 5 m rooms side by side with a 1 m door in the
 * wall between them (x = 5, door at y 2..3), and the planar 360-beam lidar scans a robot would take in it.
 */
public final class TwoRooms {
    /** Points from which scans see every free cell of both rooms (no frontier left). */
    public static final List<double[]> EVERY_CORNER = List.of(new double[] {2.5, 2.5}, new double[] {5, 2.5},
            new double[] {7.5, 2.5}, new double[] {1, 1}, new double[] {9, 4}, new double[] {1, 4},
            new double[] {9, 1}, new double[] {4, 4.5}, new double[] {6, 0.5});
    private static final int BEAMS = 360;
    private static final List<Aabb> WALLS = List.of(
            new Aabb(new Vec3(-0.2, -0.2, 0), new Vec3(10.2, 0, 2)),
            new Aabb(new Vec3(-0.2, 5, 0), new Vec3(10.2, 5.2, 2)),
            new Aabb(new Vec3(-0.2, 0, 0), new Vec3(0, 5, 2)),
            new Aabb(new Vec3(10, 0, 0), new Vec3(10.2, 5, 2)),
            new Aabb(new Vec3(4.9, 0, 0), new Vec3(5.1, 2, 2)),
            new Aabb(new Vec3(4.9, 3, 0), new Vec3(5.1, 5, 2)));

    private TwoRooms() {
    }

    /** Scan {@code id} taken at ({@code x}, {@code y}), 0.5 m up, at {@code second}. */
    public static RangeScan scan(long id, double x, double y, double second) {
        float[] ranges = new float[BEAMS];
        Vec3 origin = new Vec3(x, y, 0.5);
        for (int i = 0; i < BEAMS; i++) {
            double angle = -Math.PI + i * 2 * Math.PI / BEAMS;
            Vec3 direction = new Vec3(Math.cos(angle), Math.sin(angle), 0);
            double nearest = Double.POSITIVE_INFINITY;
            for (Aabb wall : WALLS) {
                nearest = Math.min(nearest, hit(origin, direction, wall));
            }
            ranges[i] = (float) nearest;
        }
        return RangeScan.planar(id, Timestamp.ofSeconds(second), Pose.of(x, y, 0.5, 0), -Math.PI,
                2 * Math.PI / BEAMS, ranges, 0.05, 10);
    }

    /** Ray to box distance by slabs; infinity when the ray misses. */
    private static double hit(Vec3 o, Vec3 d, Aabb box) {
        double[] origin = {o.x(), o.y(), o.z()};
        double[] dir = {d.x(), d.y(), d.z()};
        double[] lo = {box.min().x(), box.min().y(), box.min().z()};
        double[] hi = {box.max().x(), box.max().y(), box.max().z()};
        double near = 0;
        double far = Double.POSITIVE_INFINITY;
        for (int axis = 0; axis < 3; axis++) {
            if (Math.abs(dir[axis]) < 1e-12) {
                if (origin[axis] < lo[axis] || origin[axis] > hi[axis]) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            double t1 = (lo[axis] - origin[axis]) / dir[axis];
            double t2 = (hi[axis] - origin[axis]) / dir[axis];
            near = Math.max(near, Math.min(t1, t2));
            far = Math.min(far, Math.max(t1, t2));
        }
        return near <= far ? near : Double.POSITIVE_INFINITY;
    }
}
