package dev.loci.spatial.geometry;

import dev.loci.spatial.validation.Require;

/** A point or direction in metres, in the map frame unless a name says otherwise. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 {
        Require.finite("x", x);
        Require.finite("y", y);
        Require.finite("z", z);
    }

    public Vec3 plus(Vec3 other) {
        return new Vec3(x + other.x, y + other.y, z + other.z);
    }

    public Vec3 minus(Vec3 other) {
        return new Vec3(x - other.x, y - other.y, z - other.z);
    }

    public Vec3 times(double factor) {
        return new Vec3(x * factor, y * factor, z * factor);
    }

    public double dot(Vec3 other) {
        return x * other.x + y * other.y + z * other.z;
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    public double distanceSquaredTo(Vec3 other) {
        double dx = x - other.x;
        double dy = y - other.y;
        double dz = z - other.z;
        return dx * dx + dy * dy + dz * dz;
    }

    public double distanceTo(Vec3 other) {
        return Math.sqrt(distanceSquaredTo(other));
    }
}
