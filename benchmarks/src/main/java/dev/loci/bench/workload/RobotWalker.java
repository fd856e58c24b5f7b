package dev.loci.bench.workload;

import dev.loci.spatial.provenance.RobotId;
import java.util.Random;

/** A robot crossing the building from one random waypoint to the next at walking speed, facing its way. */
final class RobotWalker {
    static final double SPEED = 1.2;
    private static final double ARRIVED = 0.3;

    private final RobotId id;
    private final Random random;
    private double x;
    private double y;
    private double heading;
    private double[] waypoint;

    RobotWalker(RobotId id, Random random) {
        this.id = id;
        this.random = random;
        double[] start = Building.randomFloorPoint(random);
        this.x = start[0];
        this.y = start[1];
        this.waypoint = Building.randomFloorPoint(random);
        this.heading = Math.atan2(waypoint[1] - y, waypoint[0] - x);
    }

    /** Walks for {@code seconds}, picking a new waypoint whenever it arrives. */
    void advance(double seconds) {
        double left = SPEED * seconds;
        while (left > 0) {
            double dx = waypoint[0] - x;
            double dy = waypoint[1] - y;
            double distance = Math.hypot(dx, dy);
            if (distance < ARRIVED) {
                waypoint = Building.randomFloorPoint(random);
                continue;
            }
            heading = Math.atan2(dy, dx);
            double step = Math.min(left, distance);
            x += dx / distance * step;
            y += dy / distance * step;
            left -= step;
        }
    }

    RobotId id() {
        return id;
    }

    double x() {
        return x;
    }

    double y() {
        return y;
    }

    double heading() {
        return heading;
    }

    static RobotId robotName(int index) {
        return RobotId.of("robot_" + (index + 1));
    }
}
