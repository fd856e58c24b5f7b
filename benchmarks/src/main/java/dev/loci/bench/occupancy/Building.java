package dev.loci.bench.occupancy;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted 100 m x 60 m office floor for the occupancy benchmarks: a 2 m corridor along x at y 29..31 and
 * one along y at x 49..51, and in each quadrant two rows of six rooms (about 8.2 m x 14 m); the row next to the
 * corridor opens onto it through a 1 m door, the outer row opens into the inner row. Walls are 0.2 m thick and
 * 2.5 m high; faces sit at x.x5 so they never lie on a voxel boundary at 0.05 or 0.1 m.
 */
final class Building {
    static final double WIDTH = 100;
    static final double DEPTH = 60;
    static final double SENSOR_Z = 0.35;
    private static final double WALL = 0.2;
    private static final double HEIGHT = 2.5;
    private static final double DOOR = 1.0;
    private static final double OFFSET = 0.05;
    private static final int ROOMS_PER_ROW = 6;

    private final List<Aabb> walls = new ArrayList<>();
    private final List<Vec3> roomCentres = new ArrayList<>();

    Building() {
        horizontal(0, WIDTH, 0);
        horizontal(0, WIDTH, DEPTH);
        vertical(0, DEPTH, 0);
        vertical(0, DEPTH, WIDTH);
        for (double[] quadrant : new double[][] {{0, 49}, {51, 100}}) {
            double x0 = quadrant[0];
            double x1 = quadrant[1];
            double roomWidth = (x1 - x0) / ROOMS_PER_ROW;
            // South half: outer row y 0..14, inner row y 14..29, corridor wall at y 29.
            // North half: inner row y 31..46, outer row y 46..60, corridor wall at y 31.
            List<double[]> corridorDoors = new ArrayList<>();
            List<double[]> rowDoors = new ArrayList<>();
            for (int i = 0; i < ROOMS_PER_ROW; i++) {
                double centre = x0 + (i + 0.5) * roomWidth;
                corridorDoors.add(new double[] {centre - DOOR / 2, centre + DOOR / 2});
                rowDoors.add(new double[] {centre + 1.5, centre + 1.5 + DOOR});
                roomCentres.add(new Vec3(centre, 7, 0));
                roomCentres.add(new Vec3(centre, 21.5, 0));
                roomCentres.add(new Vec3(centre, 38.5, 0));
                roomCentres.add(new Vec3(centre, 53, 0));
                if (i > 0) {
                    double x = x0 + i * roomWidth;
                    vertical(0, 29, x);
                    vertical(31, DEPTH, x);
                }
            }
            horizontal(x0, x1, 29, corridorDoors);
            horizontal(x0, x1, 31, corridorDoors);
            horizontal(x0, x1, 14, rowDoors);
            horizontal(x0, x1, 46, rowDoors);
        }
        // The vertical corridor's walls, open where it crosses the horizontal corridor.
        vertical(0, 29, 49);
        vertical(31, DEPTH, 49);
        vertical(0, 29, 51);
        vertical(31, DEPTH, 51);
    }

    List<Vec3> roomCentres() {
        return roomCentres;
    }

    /**
     * A walk along both corridors and through every room, one point every {@code spacing} metres of corridor
     * plus each room centre, at sensor height.
     */
    List<Vec3> route(double spacing) {
        List<Vec3> points = new ArrayList<>();
        for (double x = 1; x <= WIDTH - 1; x += spacing) {
            points.add(new Vec3(x, 30, SENSOR_Z));
        }
        for (double y = 1; y <= DEPTH - 1; y += spacing) {
            points.add(new Vec3(50, y, SENSOR_Z));
        }
        for (Vec3 room : roomCentres) {
            points.add(new Vec3(room.x(), room.y(), SENSOR_Z));
        }
        return points;
    }

    /** A 360-degree planar scan from {@code sensor}. */
    RangeScan scan(long id, Timestamp time, Vec3 sensor, int beams, double maxRange) {
        float[] ranges = new float[beams];
        double increment = 2 * Math.PI / beams;
        for (int i = 0; i < beams; i++) {
            double angle = i * increment;
            ranges[i] = (float) cast(sensor, Math.cos(angle), Math.sin(angle), maxRange);
        }
        return RangeScan.planar(id, time, Pose.of(sensor.x(), sensor.y(), sensor.z(), 0), 0, increment, ranges,
                0.05, maxRange);
    }

    /** The floor drawn into a grid: walls occupied, inside free, outside unknown. */
    OccupancyGrid drawn(double resolution) {
        int width = (int) Math.ceil((WIDTH + 1) / resolution);
        int height = (int) Math.ceil((DEPTH + 1) / resolution);
        double origin = -0.5;
        byte[] data = new byte[width * height];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double x = origin + (col + 0.5) * resolution;
                double y = origin + (row + 0.5) * resolution;
                boolean inside = x > OFFSET && x < WIDTH - OFFSET && y > OFFSET && y < DEPTH - OFFSET;
                data[row * width + col] = inside ? 0 : (byte) -1;
            }
        }
        for (Aabb wall : walls) {
            int c0 = Math.max(0, (int) Math.ceil((wall.min().x() - origin) / resolution - 0.5));
            int c1 = Math.min(width - 1, (int) Math.floor((wall.max().x() - origin) / resolution - 0.5));
            int r0 = Math.max(0, (int) Math.ceil((wall.min().y() - origin) / resolution - 0.5));
            int r1 = Math.min(height - 1, (int) Math.floor((wall.max().y() - origin) / resolution - 0.5));
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    data[row * width + col] = 100;
                }
            }
        }
        return new OccupancyGrid(resolution, width, height, origin, origin, data);
    }

    private double cast(Vec3 o, double dx, double dy, double maxRange) {
        double nearest = Double.POSITIVE_INFINITY;
        for (Aabb box : walls) {
            double t = entry(box, o.x(), o.y(), dx, dy);
            if (t >= 0 && t <= maxRange && t < nearest) {
                nearest = t;
            }
        }
        return nearest;
    }

    /** Slab test in x/y (walls span the sensor height). */
    private static double entry(Aabb box, double ox, double oy, double dx, double dy) {
        double tMin = Double.NEGATIVE_INFINITY;
        double tMax = Double.POSITIVE_INFINITY;
        if (dx == 0) {
            if (ox < box.min().x() || ox > box.max().x()) {
                return -1;
            }
        } else {
            double t1 = (box.min().x() - ox) / dx;
            double t2 = (box.max().x() - ox) / dx;
            tMin = Math.max(tMin, Math.min(t1, t2));
            tMax = Math.min(tMax, Math.max(t1, t2));
        }
        if (dy == 0) {
            if (oy < box.min().y() || oy > box.max().y()) {
                return -1;
            }
        } else {
            double t1 = (box.min().y() - oy) / dy;
            double t2 = (box.max().y() - oy) / dy;
            tMin = Math.max(tMin, Math.min(t1, t2));
            tMax = Math.min(tMax, Math.max(t1, t2));
        }
        return tMax >= tMin && tMax >= 0 ? Math.max(tMin, 0) : -1;
    }

    private void horizontal(double x0, double x1, double y) {
        horizontal(x0, x1, y, List.of());
    }

    /** A wall along x centred on y (faces at y -+ 0.1 + 0.05 offset), with door gaps [from, to]. */
    private void horizontal(double x0, double x1, double y, List<double[]> doors) {
        double from = x0;
        for (double[] door : doors) {
            addBox(from, y - WALL / 2, door[0], y + WALL / 2);
            from = door[1];
        }
        addBox(from, y - WALL / 2, x1, y + WALL / 2);
    }

    private void vertical(double y0, double y1, double x) {
        addBox(x - WALL / 2, y0, x + WALL / 2, y1);
    }

    private void addBox(double x0, double y0, double x1, double y1) {
        if (x1 > x0 && y1 > y0) {
            walls.add(new Aabb(new Vec3(x0 + OFFSET, y0 + OFFSET, 0), new Vec3(x1 + OFFSET, y1 + OFFSET, HEIGHT)));
        }
    }
}
