package dev.loci.spatial.occupancy;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Three rooms inside a 12 m x 8 m building with 0.2 m walls, 2.5 m high. Wall faces sit at x.x5 so that at
 * 0.1 m (and 0.05 m) resolution no face lies on a voxel boundary:
 * <pre>
 *   y=7.95 +-----------+---------------+
 *          |           |      C        |
 *          |           |               |
 *          |     A     +----  ---------+ y=3.95..4.15, door x 8.05..8.95 (B-C)
 *          |           |               |
 *          |           ||  door A-B    |
 *          |           |      B        |
 *   y=0.05 +-----------+---------------+
 *        x=0.05   x=4.95..5.15       x=11.95      door A-B at y 1.55..2.45
 * </pre>
 * A and C share a wall but no door.
 */
public final class FloorPlan {
    public static final double HEIGHT = 2.5;
    public static final double SENSOR_Z = 0.35;
    public static final Vec3 ROOM_A = new Vec3(2.5, 4.0, 0);
    public static final Vec3 ROOM_B = new Vec3(8.55, 2.0, 0);
    public static final Vec3 ROOM_C = new Vec3(8.55, 6.05, 0);
    public static final Vec3 DOOR_AB = new Vec3(5.05, 2.0, 0);
    public static final Vec3 DOOR_BC = new Vec3(8.5, 4.05, 0);
    /** The robot's route: every room, through both doors. */
    public static final List<Vec3> ROUTE = List.of(
            new Vec3(2.5, 4.0, 0), new Vec3(1.0, 1.0, 0), new Vec3(1.0, 7.0, 0), new Vec3(4.0, 7.0, 0),
            new Vec3(4.0, 2.0, 0), DOOR_AB, new Vec3(6.0, 2.0, 0), new Vec3(6.0, 1.0, 0), new Vec3(11.0, 1.0, 0),
            new Vec3(11.0, 3.0, 0), new Vec3(8.5, 3.0, 0), DOOR_BC, new Vec3(8.5, 5.0, 0), new Vec3(6.0, 5.0, 0),
            new Vec3(6.0, 7.0, 0), new Vec3(11.0, 7.0, 0), new Vec3(11.0, 5.0, 0), new Vec3(8.5, 5.5, 0));

    private FloorPlan() {
    }

    public static BoxWorld world() {
        List<Aabb> walls = new ArrayList<>();
        walls.add(wall(-0.15, -0.15, 12.15, 0.05)); // south
        walls.add(wall(-0.15, 7.95, 12.15, 8.15)); // north
        walls.add(wall(-0.15, -0.15, 0.05, 8.15)); // west
        walls.add(wall(11.95, -0.15, 12.15, 8.15)); // east
        walls.add(wall(4.95, 0.05, 5.15, 1.55)); // A | B below the door
        walls.add(wall(4.95, 2.45, 5.15, 7.95)); // A | B above the door, and A | C
        walls.add(wall(5.15, 3.95, 8.05, 4.15)); // B | C left of the door
        walls.add(wall(8.95, 3.95, 11.95, 4.15)); // B | C right of the door
        return new BoxWorld(walls);
    }

    /** Sensor positions every {@code spacing} metres along {@link #ROUTE}, at sensor height. */
    public static List<Vec3> scanPositions(double spacing) {
        List<Vec3> positions = new ArrayList<>();
        positions.add(lift(ROUTE.get(0)));
        for (int i = 1; i < ROUTE.size(); i++) {
            Vec3 from = ROUTE.get(i - 1);
            Vec3 to = ROUTE.get(i);
            int steps = Math.max(1, (int) Math.ceil(from.distanceTo(to) / spacing));
            for (int s = 1; s <= steps; s++) {
                positions.add(lift(from.plus(to.minus(from).times((double) s / steps))));
            }
        }
        return positions;
    }

    /** Scans along the route, one second apart, scan ids from 1. */
    public static List<RangeScan> routeScans(double spacing, int beams, double maxRange) {
        BoxWorld world = world();
        List<RangeScan> scans = new ArrayList<>();
        List<Vec3> positions = scanPositions(spacing);
        for (int i = 0; i < positions.size(); i++) {
            scans.add(world.planarScan(i + 1, Timestamp.ofSeconds(i), positions.get(i), beams, maxRange));
        }
        return scans;
    }

    private static Vec3 lift(Vec3 p) {
        return new Vec3(p.x(), p.y(), SENSOR_Z);
    }

    private static Aabb wall(double x0, double y0, double x1, double y1) {
        return new Aabb(new Vec3(x0, y0, 0), new Vec3(x1, y1, HEIGHT));
    }
}
