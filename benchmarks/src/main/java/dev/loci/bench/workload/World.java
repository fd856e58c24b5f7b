package dev.loci.bench.workload;

import dev.loci.spatial.geometry.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The ground truth of the workload: a furnished {@link Building} and the objects in it, with a coarse grid to
 * find what a robot's camera can see.
 *
 * <p>Two objects of the same class are never closer than {@link #SAME_CLASS_SPACING}: with a 0.05 m detector
 * error and Loci's 0.5 m fusion gate, every observation then fuses into the object it came from, so memory
 * ends up with one remembered object per object seen. (Two mugs 10 cm apart would be a test of fusion
 * quality, not of speed.)
 */
public final class World {
    static final double SAME_CLASS_SPACING = 0.8;
    private static final double GRID_CELL = 1.0;
    private static final int RAISED_ATTEMPTS = 30;
    private static final int FLOOR_ATTEMPTS = 200;
    private static final long PURPOSE_FURNITURE = 1;
    private static final long PURPOSE_OBJECTS = 2;

    private final List<WorldObject> objects;
    private final int columns;
    private final int rows;
    /** Objects by grid cell, compressed: objects of cell c are cellObjects[cellStart[c] .. cellStart[c+1]). */
    private final int[] cellStart;
    private final int[] cellObjects;

    private World(List<WorldObject> objects) {
        this.objects = List.copyOf(objects);
        this.columns = (int) Math.ceil(Building.WIDTH / GRID_CELL);
        this.rows = (int) Math.ceil(Building.DEPTH / GRID_CELL);
        this.cellStart = new int[columns * rows + 1];
        this.cellObjects = new int[objects.size()];
        for (WorldObject object : objects) {
            cellStart[cellOf(object.center()) + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, columns * rows);
        for (WorldObject object : objects) {
            cellObjects[fill[cellOf(object.center())]++] = object.index();
        }
    }

    /** Furnishes the building and places {@code settings.objectCount()} objects, reproducibly. */
    public static World generate(WorkloadSettings settings) {
        Building building = Building.furnished(settings.objectCount(), settings.random(PURPOSE_FURNITURE));
        Random random = settings.random(PURPOSE_OBJECTS);
        SpacingCheck spacing = new SpacingCheck();
        List<WorldObject> objects = new ArrayList<>(settings.objectCount());
        for (int i = 0; i < settings.objectCount(); i++) {
            ObjectClass objectClass = ObjectCatalog.draw(random);
            WorldObject placed = place(i, objectClass, building, spacing, random);
            spacing.add(placed);
            objects.add(placed);
        }
        return new World(objects);
    }

    public List<WorldObject> objects() {
        return objects;
    }

    public WorldObject object(int index) {
        return objects.get(index);
    }

    /**
     * Calls {@code seen} with every object whose centre lies within {@code range} metres (in x/y) of the
     * viewpoint and within {@code halfFov} radians of {@code heading}; in a fixed order.
     */
    public void forEachInView(double x, double y, double heading, double range, double halfFov, IntConsumer seen) {
        int c0 = clamp((int) Math.floor((x - range) / GRID_CELL), columns);
        int c1 = clamp((int) Math.floor((x + range) / GRID_CELL), columns);
        int r0 = clamp((int) Math.floor((y - range) / GRID_CELL), rows);
        int r1 = clamp((int) Math.floor((y + range) / GRID_CELL), rows);
        double range2 = range * range;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * columns + c;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    Vec3 p = objects.get(cellObjects[k]).center();
                    double dx = p.x() - x;
                    double dy = p.y() - y;
                    if (dx * dx + dy * dy <= range2 && Math.abs(angleBetween(Math.atan2(dy, dx), heading)) <= halfFov) {
                        seen.accept(cellObjects[k]);
                    }
                }
            }
        }
    }

    static double angleBetween(double a, double b) {
        double d = a - b;
        return Math.atan2(Math.sin(d), Math.cos(d));
    }

    private static WorldObject place(int index, ObjectClass objectClass, Building building, SpacingCheck spacing,
                                     Random random) {
        // Each object varies +-20% around its class's typical size, as real mugs and chairs do.
        Vec3 typical = objectClass.typicalSize();
        Vec3 size = typical.times(0.8 + 0.4 * random.nextDouble());
        if (!objectClass.onFloor()) {
            for (int attempt = 0; attempt < RAISED_ATTEMPTS; attempt++) {
                WorldObject candidate = onSurface(index, objectClass, size, building.randomRaisedSurface(random), random);
                if (spacing.allows(candidate)) {
                    return candidate;
                }
            }
        }
        // Floor-standing things, and the odd mug for which every table tried was taken: on the floor.
        for (int attempt = 0; attempt < FLOOR_ATTEMPTS; attempt++) {
            WorldObject candidate = onSurface(index, objectClass, size, building.floor(), random);
            if (spacing.allows(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no room for another " + objectClass.label()
                + ": too many objects for the building");
    }

    private static WorldObject onSurface(int index, ObjectClass objectClass, Vec3 size, Surface surface,
                                         Random random) {
        double[] xy = surface.randomSpotFor(size.x(), size.y(), random);
        return new WorldObject(index, objectClass, new Vec3(xy[0], xy[1], surface.height() + size.z() / 2), size);
    }

    private int cellOf(Vec3 p) {
        int c = clamp((int) Math.floor(p.x() / GRID_CELL), columns);
        int r = clamp((int) Math.floor(p.y() / GRID_CELL), rows);
        return r * columns + c;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    /** Finds same-class neighbours closer than {@link #SAME_CLASS_SPACING} during placement. */
    private static final class SpacingCheck {
        private final Map<String, Map<Long, List<Vec3>>> byClass = new HashMap<>();

        boolean allows(WorldObject candidate) {
            Map<Long, List<Vec3>> cells = byClass.get(candidate.label());
            if (cells == null) {
                return true;
            }
            int cx = cell(candidate.center().x());
            int cy = cell(candidate.center().y());
            double min2 = SAME_CLASS_SPACING * SAME_CLASS_SPACING;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (Vec3 other : cells.getOrDefault(key(cx + dx, cy + dy), List.of())) {
                        if (other.distanceSquaredTo(candidate.center()) < min2) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        void add(WorldObject placed) {
            Vec3 p = placed.center();
            byClass.computeIfAbsent(placed.label(), l -> new HashMap<>())
                    .computeIfAbsent(key(cell(p.x()), cell(p.y())), k -> new ArrayList<>())
                    .add(p);
        }

        // Cells as large as the spacing: a too-close neighbour is always in the 3 x 3 block around.
        private static int cell(double coordinate) {
            return (int) Math.floor(coordinate / SAME_CLASS_SPACING);
        }

        private static long key(int cx, int cy) {
            return ((long) cx << 32) ^ (cy & 0xffffffffL);
        }
    }
}
