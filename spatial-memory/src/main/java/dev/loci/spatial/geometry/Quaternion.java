package dev.loci.spatial.geometry;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import org.ejml.simple.SimpleMatrix;

/** A unit quaternion (w, x, y, z) for orientation; construction refuses anything not of unit length. */
public record Quaternion(double w, double x, double y, double z) {
    public static final Quaternion IDENTITY = new Quaternion(1, 0, 0, 0);
    /** Accepts float32 round trips and ROS messages written with single precision. */
    static final double UNIT_TOLERANCE = 1e-4;

    public Quaternion {
        Require.finite("orientation.w", w);
        Require.finite("orientation.x", x);
        Require.finite("orientation.y", y);
        Require.finite("orientation.z", z);
        double norm = Math.sqrt(w * w + x * x + y * y + z * z);
        if (Math.abs(norm - 1) > UNIT_TOLERANCE) {
            throw new InvalidValueException("orientation", "(" + w + ", " + x + ", " + y + ", " + z + ")",
                    "must be a unit quaternion (norm " + norm + ")");
        }
    }

    /** Normalizes first; refuses a zero or non-finite quaternion. */
    public static Quaternion normalized(double w, double x, double y, double z) {
        double norm = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(norm > 1e-12) || !Double.isFinite(norm)) {
            throw new InvalidValueException("orientation", "(" + w + ", " + x + ", " + y + ", " + z + ")",
                    "cannot be normalized");
        }
        return new Quaternion(w / norm, x / norm, y / norm, z / norm);
    }

    /** Rotation about +z (the ROS map-frame up axis) by {@code yaw} radians. */
    public static Quaternion fromYaw(double yaw) {
        Require.finite("yaw", yaw);
        return normalized(Math.cos(yaw / 2), 0, 0, Math.sin(yaw / 2));
    }

    /** Heading about +z in radians, in (-pi, pi]. */
    public double yaw() {
        return Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
    }

    public Quaternion conjugate() {
        return new Quaternion(w, -x, -y, -z);
    }

    /** Hamilton product {@code this * other}: apply {@code other} first, then this. */
    public Quaternion times(Quaternion other) {
        SimpleMatrix product = leftProductMatrix().mult(other.asColumn());
        return normalized(product.get(0), product.get(1), product.get(2), product.get(3));
    }

    /** 3x3 rotation matrix of this quaternion. */
    public SimpleMatrix rotationMatrix() {
        return new SimpleMatrix(new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
            {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
            {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)},
        });
    }

    SimpleMatrix asColumn() {
        return new SimpleMatrix(4, 1, true, w, x, y, z);
    }

    /** L(q) with L(q) * p = q * p in (w, x, y, z) column form. */
    private SimpleMatrix leftProductMatrix() {
        return new SimpleMatrix(new double[][] {
            {w, -x, -y, -z},
            {x, w, -z, y},
            {y, z, w, -x},
            {z, -y, x, w},
        });
    }
}
