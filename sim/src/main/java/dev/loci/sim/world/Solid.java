package dev.loci.sim.world;

import com.jme3.bounding.BoundingBox;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import java.util.Map;

/**
 * One box in the scene graph: a wall piece, a furniture piece or a movable object. The jME geometry is the
 * truth for its pose; {@link #box()} reads its world bound (refreshed by the scene's geometric update).
 *
 * @param id         index in {@link World#solids()}, also stored as the geometry's user data {@code solid}
 * @param name       unique within the world ("kitchen_table", "mug_0")
 * @param label      the class a detector reports ("table", "mug")
 * @param attributes what a detector reports besides the class (colour, ...)
 */
public record Solid(int id, SolidKind kind, String name, String label, Map<String, String> attributes,
                    Geometry geometry) {
    public static final String USER_DATA_ID = "solid";

    public Solid {
        attributes = Map.copyOf(attributes);
    }

    public String colour() {
        return attributes.getOrDefault("colour", "grey");
    }

    public Aabb box() {
        BoundingBox bound = (BoundingBox) geometry.getWorldBound();
        Vector3f c = bound.getCenter();
        Vec3 center = new Vec3(c.x, c.y, c.z);
        Vec3 size = new Vec3(2 * bound.getXExtent(), 2 * bound.getYExtent(), 2 * bound.getZExtent());
        return Aabb.centered(center, size);
    }

    public Vec3 center() {
        Vector3f c = geometry.getWorldTranslation();
        return new Vec3(c.x, c.y, c.z);
    }
}
