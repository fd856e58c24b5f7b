package dev.loci.spatial.geometry;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/** An axis-aligned box in the map frame; {@code min <= max} on every axis (a point is a box of size 0). */
public record Aabb(Vec3 min, Vec3 max) {
    public Aabb {
        Require.present("box.min", min);
        Require.present("box.max", max);
        if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z()) {
            throw new InvalidValueException("box", "min " + min + " max " + max, "has a negative size");
        }
    }

    public static Aabb centered(Vec3 center, Vec3 size) {
        Require.present("box.center", center);
        Require.present("box.size", size);
        Require.nonNegative("box.size.x", size.x());
        Require.nonNegative("box.size.y", size.y());
        Require.nonNegative("box.size.z", size.z());
        Vec3 half = size.times(0.5);
        return new Aabb(center.minus(half), center.plus(half));
    }

    public Vec3 center() {
        return new Vec3((min.x() + max.x()) / 2, (min.y() + max.y()) / 2, (min.z() + max.z()) / 2);
    }

    public Vec3 size() {
        return max.minus(min);
    }

    public boolean contains(Vec3 p) {
        return p.x() >= min.x() && p.x() <= max.x()
                && p.y() >= min.y() && p.y() <= max.y()
                && p.z() >= min.z() && p.z() <= max.z();
    }

    public boolean intersects(Aabb other) {
        return min.x() <= other.max.x() && max.x() >= other.min.x()
                && min.y() <= other.max.y() && max.y() >= other.min.y()
                && min.z() <= other.max.z() && max.z() >= other.min.z();
    }
}
