package dev.loci.sim.task;

import dev.loci.sim.nav.GlobalPlanner;
import dev.loci.sim.robot.Robot;
import dev.loci.spatial.geometry.Vec3;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where to stand to reach an object that sits on furniture (its own cell is blocked): the reachable point on
 * rings around it with the shortest path from the robot on memory's map.
 */
final class Approach {
    private static final double[] RADII = {0.6, 0.8, 1.0};
    private static final int DIRECTIONS = 12;

    record Plan(Vec3 standAt, double distance) {
    }

    private Approach() {
    }

    static Optional<Plan> plan(GlobalPlanner planner, Robot robot, Vec3 object) {
        Plan best = null;
        for (double r : RADII) {
            for (int k = 0; k < DIRECTIONS; k++) {
                double a = 2 * Math.PI * k / DIRECTIONS;
                Vec3 p = new Vec3(object.x() + r * Math.cos(a), object.y() + r * Math.sin(a), 0);
                double straight = Math.hypot(p.x() - robot.x(), p.y() - robot.y());
                if (best != null && straight >= best.distance()) {
                    continue; // a path is never shorter than the straight line
                }
                OptionalDouble d = planner.exactDistance(robot.position(), p);
                if (d.isPresent() && (best == null || d.getAsDouble() < best.distance())) {
                    best = new Plan(p, d.getAsDouble());
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
