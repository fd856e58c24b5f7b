package dev.loci.sim.nav;

import dev.loci.sim.robot.Robot;
import dev.loci.spatial.geometry.Vec3;
import java.util.List;

/**
 * Local control along a global path: pure pursuit toward a point a lookahead ahead on the path, turning in place
 * when the heading error is large, slowing near the end.
 */
public final class PathFollower {
    private static final double LOOKAHEAD = 0.5;
    private static final double TURN_GAIN = 2.5;
    private static final double TURN_IN_PLACE = 0.8;

    private List<Vec3> points = List.of();
    private int index;

    public void follow(List<Vec3> path) {
        points = List.copyOf(path);
        index = 0;
    }

    public boolean hasPath() {
        return !points.isEmpty();
    }

    public Vec3 end() {
        return points.get(points.size() - 1);
    }

    /** Commands the robot one step along the path; true when it is within {@code tolerance} of the end. */
    public boolean drive(Robot robot, double tolerance) {
        if (points.isEmpty()) {
            robot.stop();
            return false;
        }
        Vec3 end = end();
        double toEnd = Math.hypot(end.x() - robot.x(), end.y() - robot.y());
        if (toEnd <= tolerance) {
            robot.stop();
            return true;
        }
        while (index < points.size() - 1
                && Math.hypot(points.get(index).x() - robot.x(), points.get(index).y() - robot.y()) < LOOKAHEAD) {
            index++;
        }
        Vec3 target = points.get(index);
        double heading = Math.atan2(target.y() - robot.y(), target.x() - robot.x());
        double error = Robot.normalize(heading - robot.yaw());
        double speed = Math.abs(error) > TURN_IN_PLACE ? 0
                : robot.body().maxSpeed() * Math.cos(error) * Math.min(1, 0.3 + toEnd);
        robot.command(speed, TURN_GAIN * error);
        return false;
    }
}
