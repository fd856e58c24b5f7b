package dev.loci.sim.sensor;

import dev.loci.sim.robot.Robot;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.Random;

/** A planar 360-degree lidar at the body's lidar height, with Gaussian range noise. */
public final class Lidar {
    public static final double MIN_RANGE = 0.05;

    private final RayCaster caster;
    private final int beams;
    private final double maxRange;
    private final double noiseSigma;
    private final Random random;

    public Lidar(RayCaster caster, int beams, double maxRange, double noiseSigma, Random random) {
        this.caster = caster;
        this.beams = (int) Require.inRange("beams", beams, 4, 4096);
        this.maxRange = Require.inRange("maxRange", maxRange, 0.5, 100);
        this.noiseSigma = Require.inRange("noiseSigma", noiseSigma, 0, 1);
        this.random = random;
    }

    /** One sweep: beam i points at yaw - pi + i * 2pi/beams; +Inf where nothing is within range. */
    public Reading scan(Robot robot, long scanId, Timestamp time) {
        Pose sensor = Pose.of(robot.x(), robot.y(), robot.body().lidarHeight(), robot.yaw());
        double increment = 2 * Math.PI / beams;
        float[] ranges = new float[beams];
        for (int i = 0; i < beams; i++) {
            double angle = robot.yaw() - Math.PI + i * increment;
            RayHit hit = caster.cast(robot.x(), robot.y(), robot.body().lidarHeight(), Math.cos(angle),
                    Math.sin(angle), 0, maxRange);
            double noisy = hit.distance() + noiseSigma * random.nextGaussian();
            ranges[i] = hit.hit() ? (float) Math.max(MIN_RANGE, noisy) : Float.POSITIVE_INFINITY;
        }
        RangeScan scan = RangeScan.planar(scanId, time, sensor, -Math.PI, increment, ranges, MIN_RANGE, maxRange);
        return new Reading(sensor, ranges, scan, -Math.PI, increment, MIN_RANGE, maxRange);
    }

    /** The raw ranges (for tests and pictures) and the scan as Loci takes it. */
    /** Beam i of {@code ranges} points at {@code angleMin + i * angleIncrement} about the sensor's z axis. */
    public record Reading(Pose sensorPose, float[] ranges, RangeScan scan, double angleMin, double angleIncrement,
                          double rangeMin, double rangeMax) {
    }
}
