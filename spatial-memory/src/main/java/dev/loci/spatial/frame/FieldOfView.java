package dev.loci.spatial.frame;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * What a sensor can see from its pose: a pyramid along the pose's +x axis (ROS body convention: x forward,
 * y left, z up) cut at {@code minRange} and {@code maxRange} metres.
 */
public record FieldOfView(double horizontalRadians, double verticalRadians, double minRange, double maxRange) {
    /** A typical RGB-D camera: 87 x 58 degrees, 0.2 - 5 m. */
    public static final FieldOfView RGBD = new FieldOfView(Math.toRadians(87), Math.toRadians(58), 0.2, 5.0);

    public FieldOfView {
        Require.inRange("horizontalRadians", horizontalRadians, 1e-6, 2 * Math.PI);
        Require.inRange("verticalRadians", verticalRadians, 1e-6, Math.PI);
        Require.nonNegative("minRange", minRange);
        Require.positive("maxRange", maxRange);
        if (minRange >= maxRange) {
            throw new InvalidValueException("minRange", minRange, "must be below maxRange " + maxRange);
        }
    }

    /** Whether {@code point} (map frame) is inside the view of a sensor at {@code sensorPose}. */
    public boolean contains(Pose sensorPose, Vec3 point) {
        Vec3 local = sensorPose.inverse().transform(point);
        double range = local.norm();
        if (range < minRange || range > maxRange || local.x() <= 0) {
            return false;
        }
        double horizontal = Math.abs(Math.atan2(local.y(), local.x()));
        double vertical = Math.abs(Math.atan2(local.z(), Math.hypot(local.x(), local.y())));
        return horizontal <= horizontalRadians / 2 && vertical <= verticalRadians / 2;
    }

    /**
     * How well a sensor at {@code sensorPose} sees {@code point}, in (0, 1]: 1 straight ahead at the best
     * distance, falling off toward the edges of the view and the ends of the range; 0 if not in view.
     */
    public double viewQuality(Pose sensorPose, Vec3 point) {
        if (!contains(sensorPose, point)) {
            return 0;
        }
        Vec3 local = sensorPose.inverse().transform(point);
        double range = local.norm();
        double centrality = local.x() / range;
        double best = minRange + (maxRange - minRange) / 3;
        double distance = 1 - Math.min(1, Math.abs(range - best) / (maxRange - minRange));
        return Math.max(1e-6, centrality * (0.25 + 0.75 * distance));
    }
}
