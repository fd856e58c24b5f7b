package dev.loci.sim.world;

import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Box;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Turns a {@link WorldSpec} and a seed into a scene graph: the same seed always gives the same world. */
public final class WorldBuilder {
    private static final String WALL_COLOUR = "white";

    public World build(WorldSpec spec, long seed) {
        Random random = new Random(seed);
        Node root = new Node(spec.name());
        List<Solid> solids = new ArrayList<>();
        for (double[] piece : wallPieces(spec)) {
            addBox(root, solids, SolidKind.WALL, "wall_" + solids.size(), "wall", Map.of("colour", WALL_COLOUR),
                    Aabb.centered(new Vec3((piece[0] + piece[2]) / 2, (piece[1] + piece[3]) / 2, spec.wallHeight() / 2),
                            new Vec3(piece[2] - piece[0], piece[3] - piece[1], spec.wallHeight())));
        }
        Map<String, Solid> furniture = new HashMap<>();
        for (WorldSpec.Furniture f : spec.furniture()) {
            Aabb box = Aabb.centered(new Vec3(f.center()[0], f.center()[1], f.size()[2] / 2),
                    new Vec3(f.size()[0], f.size()[1], f.size()[2]));
            Solid solid = addBox(root, solids, SolidKind.FURNITURE, f.name(), f.label(), Map.of("colour", f.colour()),
                    box);
            if (furniture.put(f.name(), solid) != null) {
                throw new InvalidValueException("furniture.name", f.name(), "is used twice");
            }
        }
        Placement placement = new Placement();
        List<Aabb> placed = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (WorldSpec.ObjectSpec o : spec.objects()) {
            String on = o.on().get(random.nextInt(o.on().size()));
            Solid support = furniture.get(on);
            if (support == null) {
                throw new InvalidValueException("object.on", on, "is not furniture of " + spec.name());
            }
            Vec3 size = new Vec3(o.size()[0], o.size()[1], o.size()[2]);
            Vec3 at = placement.place(size, support.box(), placed, random, o.label());
            Aabb box = Aabb.centered(at, size);
            placed.add(box);
            int n = counts.merge(o.label(), 1, Integer::sum) - 1;
            addBox(root, solids, SolidKind.OBJECT, o.label() + "_" + n, o.label(), o.attributes(), box);
        }
        return new World(spec, root, solids, placement);
    }

    private static Solid addBox(Node root, List<Solid> solids, SolidKind kind, String name, String label,
                                Map<String, String> attributes, Aabb box) {
        Vec3 half = box.size().times(0.5);
        // One mesh per geometry: a shared mesh with a reset model bound gave zero-size bounds (NOTES.md).
        Geometry geometry = new Geometry(name, new Box((float) half.x(), (float) half.y(), (float) half.z()));
        Vec3 c = box.center();
        geometry.setLocalTranslation(new Vector3f((float) c.x(), (float) c.y(), (float) c.z()));
        geometry.setUserData(Solid.USER_DATA_ID, solids.size());
        root.attachChild(geometry);
        Solid solid = new Solid(solids.size(), kind, name, label, attributes, geometry);
        solids.add(solid);
        return solid;
    }

    /** Perimeter and inner walls as [minX, minY, maxX, maxY] boxes, with every door's gap cut out. */
    static List<double[]> wallPieces(WorldSpec spec) {
        double t = spec.wallThickness();
        List<double[]> segments = new ArrayList<>();
        double w = spec.width();
        double d = spec.depth();
        segments.add(new double[] {0, 0, w, 0});
        segments.add(new double[] {0, d, w, d});
        segments.add(new double[] {0, 0, 0, d});
        segments.add(new double[] {w, 0, w, d});
        for (WorldSpec.Wall wall : spec.walls()) {
            segments.add(new double[] {Math.min(wall.from()[0], wall.to()[0]), Math.min(wall.from()[1], wall.to()[1]),
                    Math.max(wall.from()[0], wall.to()[0]), Math.max(wall.from()[1], wall.to()[1])});
        }
        for (WorldSpec.Door door : spec.doors()) {
            boolean cut = false;
            List<double[]> next = new ArrayList<>();
            for (double[] s : segments) {
                boolean horizontal = s[1] == s[3];
                double along = horizontal ? door.center()[0] : door.center()[1];
                double across = horizontal ? door.center()[1] : door.center()[0];
                double line = horizontal ? s[1] : s[0];
                double lo = horizontal ? s[0] : s[1];
                double hi = horizontal ? s[2] : s[3];
                if (Math.abs(across - line) <= t && along > lo && along < hi) {
                    cut = true;
                    double gapLo = along - door.width() / 2;
                    double gapHi = along + door.width() / 2;
                    if (gapLo > lo) {
                        next.add(horizontal ? new double[] {lo, line, gapLo, line} : new double[] {line, lo, line, gapLo});
                    }
                    if (gapHi < hi) {
                        next.add(horizontal ? new double[] {gapHi, line, hi, line} : new double[] {line, gapHi, line, hi});
                    }
                } else {
                    next.add(s);
                }
            }
            if (!cut) {
                throw new InvalidValueException("door.center", door.center()[0] + "," + door.center()[1],
                        "is on no wall");
            }
            segments = next;
        }
        List<double[]> pieces = new ArrayList<>();
        for (double[] s : segments) {
            pieces.add(new double[] {s[0] - t / 2, s[1] - t / 2, s[2] + t / 2, s[3] + t / 2});
        }
        return pieces;
    }
}
