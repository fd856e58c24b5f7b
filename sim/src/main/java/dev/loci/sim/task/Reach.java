package dev.loci.sim.task;

import dev.loci.sim.world.SolidIndex;
import dev.loci.sim.world.SolidKind;
import dev.loci.spatial.geometry.Vec3;

/**
 * The ground truth of "the robot is at the object": its centre is within {@link #RADIUS} of the object's centre
 * (horizontally) and no wall stands between them. Used to score tasks and by the oracle for shortest paths.
 */
public final class Reach {
    public static final double RADIUS = 1.2;

    private Reach() {
    }

    public static boolean reached(SolidIndex solids, double x, double y, Vec3 object) {
        double dx = object.x() - x;
        double dy = object.y() - y;
        if (dx * dx + dy * dy > RADIUS * RADIUS) {
            return false;
        }
        return !wallBetween(solids, x, y, object.x(), object.y());
    }

    /** Whether the segment crosses a wall piece (walls stand floor to ceiling, so 2D suffices). */
    public static boolean wallBetween(SolidIndex solids, double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (length < 1e-9) {
            return false;
        }
        double dx = (x1 - x0) / length;
        double dy = (y1 - y0) / length;
        for (int i = 0; i < solids.size(); i++) {
            if (solids.solid(i).kind() != SolidKind.WALL) {
                continue;
            }
            if (solids.entry(i, x0, y0, 1.0, dx, dy, 0, length) < length) {
                return true;
            }
        }
        return false;
    }
}
