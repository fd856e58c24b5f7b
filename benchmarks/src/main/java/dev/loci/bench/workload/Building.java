package dev.loci.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A 100 m x 60 m single-storey building (offices, kitchen corners, storage) as the surfaces objects rest on:
 * the floor, tables (top at 0.75 m) and shelving units (boards at 0.45, 1.05 and 1.65 m, so shelved objects
 * reach up to ~2 m). Furniture is scattered axis-aligned; overlaps are harmless for a memory workload.
 */
public final class Building {
    public static final double WIDTH = 100.0;
    public static final double DEPTH = 60.0;
    /** Furniture keeps clear of the walls by this much, so robots can see it from all sides. */
    private static final double WALL_CLEARANCE = 1.0;
    private static final double TABLE_HEIGHT = 0.75;
    private static final double[] SHELF_BOARDS = {0.45, 1.05, 1.65};
    /** Furniture pieces per object: about one table per 20 objects and one shelving unit per 40. */
    private static final double TABLES_PER_OBJECT = 1.0 / 20;
    private static final double SHELVES_PER_OBJECT = 1.0 / 40;

    private final Surface floor = new Surface(0.3, 0.3, WIDTH - 0.3, DEPTH - 0.3, 0.0);
    private final List<Surface> raised;

    private Building(List<Surface> raised) {
        this.raised = List.copyOf(raised);
    }

    /** Furnishes the building for {@code objectCount} objects. */
    static Building furnished(int objectCount, Random random) {
        List<Surface> raised = new ArrayList<>();
        int tables = Math.max(1, (int) Math.round(objectCount * TABLES_PER_OBJECT));
        for (int i = 0; i < tables; i++) {
            raised.add(piece(random, 1.6, 0.8, TABLE_HEIGHT));
        }
        int shelves = Math.max(1, (int) Math.round(objectCount * SHELVES_PER_OBJECT));
        for (int i = 0; i < shelves; i++) {
            Surface footprint = piece(random, 2.0, 0.4, 0);
            for (double board : SHELF_BOARDS) {
                raised.add(new Surface(footprint.minX(), footprint.minY(), footprint.maxX(), footprint.maxY(), board));
            }
        }
        return new Building(raised);
    }

    Surface floor() {
        return floor;
    }

    Surface randomRaisedSurface(Random random) {
        return raised.get(random.nextInt(raised.size()));
    }

    /** A random point on the floor, away from the walls: where robots head next. */
    static double[] randomFloorPoint(Random random) {
        return new double[] {
            WALL_CLEARANCE + random.nextDouble() * (WIDTH - 2 * WALL_CLEARANCE),
            WALL_CLEARANCE + random.nextDouble() * (DEPTH - 2 * WALL_CLEARANCE),
        };
    }

    private static Surface piece(Random random, double length, double width, double height) {
        boolean alongX = random.nextBoolean();
        double sizeX = alongX ? length : width;
        double sizeY = alongX ? width : length;
        double x = WALL_CLEARANCE + random.nextDouble() * (WIDTH - 2 * WALL_CLEARANCE - sizeX);
        double y = WALL_CLEARANCE + random.nextDouble() * (DEPTH - 2 * WALL_CLEARANCE - sizeY);
        return new Surface(x, y, x + sizeX, y + sizeY, height);
    }
}
