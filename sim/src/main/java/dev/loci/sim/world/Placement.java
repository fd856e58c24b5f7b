package dev.loci.sim.world;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import java.util.List;
import java.util.Random;

/** Where an object may stand on a piece of furniture: on its top, inside its edges, clear of other objects. */
final class Placement {
    private static final int ATTEMPTS = 50;
    private static final double MARGIN = 0.05;

    Vec3 place(Solid object, Solid furniture, List<Solid> others, Random random) {
        return place(object.box().size(), furniture.box(), others.stream().filter(o -> o != object)
                .map(Solid::box).toList(), random, object.name());
    }

    Vec3 place(Vec3 size, Aabb top, List<Aabb> others, Random random, String what) {
        double spanX = top.size().x() - size.x() - 2 * MARGIN;
        double spanY = top.size().y() - size.y() - 2 * MARGIN;
        if (spanX < 0 || spanY < 0) {
            throw new IllegalStateException(what + " does not fit on furniture of size " + top.size());
        }
        Vec3 candidate = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double x = top.min().x() + MARGIN + size.x() / 2 + random.nextDouble() * spanX;
            double y = top.min().y() + MARGIN + size.y() / 2 + random.nextDouble() * spanY;
            candidate = new Vec3(x, y, top.max().z() + size.z() / 2);
            Aabb box = Aabb.centered(candidate, size);
            if (others.stream().noneMatch(box::intersects)) {
                return candidate;
            }
        }
        return candidate; // crowded: accept an overlap rather than fail the world
    }

    Solid supportOf(Solid object, List<Solid> furniture) {
        Vec3 c = object.center();
        return furniture.stream().filter(f -> {
            Aabb b = f.box();
            return c.x() >= b.min().x() && c.x() <= b.max().x() && c.y() >= b.min().y() && c.y() <= b.max().y();
        }).findFirst().orElseThrow(() -> new IllegalStateException(object.name() + " stands on no furniture"));
    }
}
