package dev.loci.sim.nav;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.robot.Robot;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.place.GridPath;
import java.util.Optional;

/**
 * Drives one robot to a goal: plans on memory's map, follows the path, replans as the map grows, and reports
 * when it arrives, when memory knows no way, or when the robot stops making progress.
 */
public final class Navigator {
    private static final double REPLAN_SECONDS = 4;
    private static final double PROGRESS_WINDOW_SECONDS = 6;
    private static final double MIN_PROGRESS = 0.2;

    private final GlobalPlanner planner;
    private final Robot robot;
    private final PathFollower follower = new PathFollower();
    private Vec3 goal;
    private double tolerance;
    private double plannedAt = Double.NEGATIVE_INFINITY;
    private double progressAt;
    private double progressX;
    private double progressY;

    public Navigator(MemoryLink memory, Robot robot) {
        this.planner = new GlobalPlanner(memory);
        this.robot = robot;
    }

    public GlobalPlanner planner() {
        return planner;
    }

    public Optional<Vec3> goal() {
        return Optional.ofNullable(goal);
    }

    /** Sets a new goal; the path is planned on the next step. */
    public void goTo(Vec3 newGoal, double newTolerance, double now) {
        goal = newGoal;
        tolerance = newTolerance;
        plannedAt = Double.NEGATIVE_INFINITY;
        follower.follow(java.util.List.of());
        markProgress(now);
    }

    public void cancel() {
        goal = null;
        follower.follow(java.util.List.of());
        robot.stop();
    }

    /** One control step at simulated time {@code now} (seconds). */
    public NavStatus step(double now) {
        if (goal == null) {
            robot.stop();
            return NavStatus.ARRIVED;
        }
        if (Math.hypot(goal.x() - robot.x(), goal.y() - robot.y()) <= tolerance) {
            robot.stop();
            return NavStatus.ARRIVED;
        }
        if (!follower.hasPath() || now - plannedAt >= REPLAN_SECONDS) {
            plannedAt = now;
            Optional<GridPath> path = planner.path(robot.position(), goal);
            if (path.isEmpty()) {
                robot.stop();
                return NavStatus.UNREACHABLE;
            }
            follower.follow(path.get().points());
        }
        follower.drive(robot, 0.05);
        if (now - progressAt >= PROGRESS_WINDOW_SECONDS) {
            double moved = Math.hypot(robot.x() - progressX, robot.y() - progressY);
            markProgress(now);
            if (moved < MIN_PROGRESS) {
                robot.stop();
                return NavStatus.STUCK;
            }
        }
        return NavStatus.MOVING;
    }

    private void markProgress(double now) {
        progressAt = now;
        progressX = robot.x();
        progressY = robot.y();
    }
}
