package dev.loci.spatial.geometry;

import dev.loci.spatial.validation.Require;
import org.ejml.simple.SimpleMatrix;

/**
 * A rigid transform: where a frame (robot base, camera) sits in its parent frame (usually the map).
 * {@code transform(p)} maps a point from this pose's frame into the parent frame.
 */
public record Pose(Vec3 position, Quaternion orientation) {
    public static final Pose IDENTITY = new Pose(Vec3.ZERO, Quaternion.IDENTITY);

    public Pose {
        Require.present("position", position);
        Require.present("orientation", orientation);
    }

    public static Pose of(double x, double y, double z, double yaw) {
        return new Pose(new Vec3(x, y, z), Quaternion.fromYaw(yaw));
    }

    /** Maps a point given in this pose's frame into the parent frame: R p + t. */
    public Vec3 transform(Vec3 point) {
        SimpleMatrix rotated = orientation.rotationMatrix().mult(column(point));
        return new Vec3(rotated.get(0), rotated.get(1), rotated.get(2)).plus(position);
    }

    /** {@code this * other}: the pose of {@code other}'s frame expressed in this pose's parent frame. */
    public Pose compose(Pose other) {
        return new Pose(transform(other.position), orientation.times(other.orientation));
    }

    /** The parent frame seen from this pose: {@code p.compose(p.inverse())} is the identity. */
    public Pose inverse() {
        SimpleMatrix inverseRotation = orientation.rotationMatrix().transpose();
        SimpleMatrix translation = inverseRotation.mult(column(position)).scale(-1);
        return new Pose(new Vec3(translation.get(0), translation.get(1), translation.get(2)),
                orientation.conjugate());
    }

    /** Unit vector of this pose's +x axis (the ROS forward direction) in the parent frame. */
    public Vec3 forward() {
        SimpleMatrix r = orientation.rotationMatrix();
        return new Vec3(r.get(0, 0), r.get(1, 0), r.get(2, 0));
    }

    private static SimpleMatrix column(Vec3 v) {
        return new SimpleMatrix(3, 1, true, v.x(), v.y(), v.z());
    }
}
