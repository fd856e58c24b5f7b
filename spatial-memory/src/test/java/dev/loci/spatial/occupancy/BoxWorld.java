package dev.loci.spatial.occupancy;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;

/** A scripted scene of solid boxes and a simulated range sensor ray-cast against them (slab method). */
public record BoxWorld(List<Aabb> boxes) {
    public BoxWorld {
        boxes = List.copyOf(boxes);
    }

    /** Distance along the unit direction d from o to the nearest box, or +infinity if nothing within maxRange. */
    public double cast(Vec3 o, Vec3 d, double maxRange) {
        double nearest = Double.POSITIVE_INFINITY;
        for (Aabb box : boxes) {
            double t = entry(box, o, d);
            if (t >= 0 && t <= maxRange && t < nearest) {
                nearest = t;
            }
        }
        return nearest;
    }

    /** A 360-degree planar scan (one beam per 360/beams degrees) from {@code sensor}, as a LaserScan would give. */
    public RangeScan planarScan(long id, Timestamp time, Vec3 sensor, int beams, double maxRange) {
        float[] ranges = new float[beams];
        double increment = 2 * Math.PI / beams;
        for (int i = 0; i < beams; i++) {
            double angle = i * increment;
            ranges[i] = (float) cast(sensor, new Vec3(Math.cos(angle), Math.sin(angle), 0), maxRange);
        }
        return RangeScan.planar(id, time, Pose.of(sensor.x(), sensor.y(), sensor.z(), 0), 0, increment, ranges,
                0.05, maxRange);
    }

    public boolean isInsideAnyBox(Vec3 p) {
        for (Aabb box : boxes) {
            if (box.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Smallest distance from p to any box (0 inside one). */
    public double clearance(Vec3 p) {
        double best = Double.POSITIVE_INFINITY;
        for (Aabb box : boxes) {
            double dx = Math.max(0, Math.max(box.min().x() - p.x(), p.x() - box.max().x()));
            double dy = Math.max(0, Math.max(box.min().y() - p.y(), p.y() - box.max().y()));
            double dz = Math.max(0, Math.max(box.min().z() - p.z(), p.z() - box.max().z()));
            best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return best;
    }

    private static double entry(Aabb box, Vec3 o, Vec3 d) {
        double tMin = Double.NEGATIVE_INFINITY;
        double tMax = Double.POSITIVE_INFINITY;
        double[] origin = {o.x(), o.y(), o.z()};
        double[] dir = {d.x(), d.y(), d.z()};
        double[] lo = {box.min().x(), box.min().y(), box.min().z()};
        double[] hi = {box.max().x(), box.max().y(), box.max().z()};
        for (int axis = 0; axis < 3; axis++) {
            if (dir[axis] == 0) {
                if (origin[axis] < lo[axis] || origin[axis] > hi[axis]) {
                    return -1;
                }
                continue;
            }
            double t1 = (lo[axis] - origin[axis]) / dir[axis];
            double t2 = (hi[axis] - origin[axis]) / dir[axis];
            tMin = Math.max(tMin, Math.min(t1, t2));
            tMax = Math.min(tMax, Math.max(t1, t2));
        }
        return tMax >= tMin && tMax >= 0 ? Math.max(tMin, 0) : -1;
    }
}
