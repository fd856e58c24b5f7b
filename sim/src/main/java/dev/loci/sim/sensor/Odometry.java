package dev.loci.sim.sensor;

import dev.loci.sim.robot.Robot;
import dev.loci.spatial.geometry.Pose;
import java.util.Random;

/**
 * Wheel odometry: integrates the true motion between calls with noise proportional to the distance and turn,
 * so the estimate drifts away from the truth the longer the robot drives.
 */
public final class Odometry {
    private final double distanceNoise;
    private final double yawNoise;
    private final Random random;
    private double lastX;
    private double lastY;
    private double lastYaw;
    private double x;
    private double y;
    private double yaw;

    /**
     * @param distanceNoise standard deviation of the distance error per metre driven
     * @param yawNoise      standard deviation of the heading error per radian turned, plus per metre driven
     */
    public Odometry(Robot robot, double distanceNoise, double yawNoise, Random random) {
        this.distanceNoise = distanceNoise;
        this.yawNoise = yawNoise;
        this.random = random;
        lastX = x = robot.x();
        lastY = y = robot.y();
        lastYaw = yaw = robot.yaw();
    }

    public Pose update(Robot robot) {
        double dx = robot.x() - lastX;
        double dy = robot.y() - lastY;
        double distance = Math.hypot(dx, dy);
        double turn = dev.loci.sim.robot.Robot.normalize(robot.yaw() - lastYaw);
        double measuredDistance = distance * (1 + distanceNoise * random.nextGaussian());
        double measuredTurn = turn + yawNoise * (Math.abs(turn) + distance) * random.nextGaussian();
        // the direction of travel relative to the heading is taken as measured exactly (no wheel slip sideways)
        double heading = distance > 0 ? Math.atan2(dy, dx) - lastYaw : 0;
        yaw = Robot.normalize(yaw + measuredTurn);
        x += measuredDistance * Math.cos(yaw - measuredTurn + heading);
        y += measuredDistance * Math.sin(yaw - measuredTurn + heading);
        lastX = robot.x();
        lastY = robot.y();
        lastYaw = robot.yaw();
        return estimate();
    }

    public Pose estimate() {
        return Pose.of(x, y, 0, yaw);
    }
}
