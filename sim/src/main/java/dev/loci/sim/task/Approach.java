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
        return plan(planner, robot, object, RADII);
    }

    /** The best stand point {@code offset} metres outside a box (furniture), sampled every 0.3 m along its sides. */
    static Optional<Plan> planBeside(GlobalPlanner planner, Robot robot, dev.loci.spatial.geometry.Aabb box,
                                     double offset) {
        double x0 = box.min().x() - offset;
        double x1 = box.max().x() + offset;
        double y0 = box.min().y() - offset;
        double y1 = box.max().y() + offset;
        java.util.List<Vec3> points = new java.util.ArrayList<>();
        for (double x = x0; x <= x1 + 1e-9; x += 0.3) {
            points.add(new Vec3(x, y0, 0));
            points.add(new Vec3(x, y1, 0));
        }
        for (double y = y0; y <= y1 + 1e-9; y += 0.3) {
            points.add(new Vec3(x0, y, 0));
            points.add(new Vec3(x1, y, 0));
        }
        points.sort(java.util.Comparator.comparingDouble(p -> Math.hypot(p.x() - robot.x(), p.y() - robot.y())));
        Plan best = null;
        for (Vec3 p : points) {
            if (best != null && Math.hypot(p.x() - robot.x(), p.y() - robot.y()) >= best.distance()) {
                break;
            }
            OptionalDouble d = planner.exactDistance(robot.position(), p);
            if (d.isPresent() && (best == null || d.getAsDouble() < best.distance())) {
                best = new Plan(p, d.getAsDouble());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The best stand point on rings of the given radii around {@code object}. */
    static Optional<Plan> plan(GlobalPlanner planner, Robot robot, Vec3 object, double[] radii) {
        Plan best = null;
        for (double r : radii) {
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
