package dev.loci.spatial.occupancy;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Arrays;
import org.ejml.simple.SimpleMatrix;

/**
 * One sweep of a range sensor in the map frame: a sensor origin and, per beam, either the point where the beam
 * returned or, for a beam with no return, its direction. Built with {@link #builder} (3D sensors, point clouds)
 * or {@link #planar} (sensor_msgs/LaserScan). Immutable.
 */
public final class RangeScan {
    /** Most beams one scan may carry; bounds the work a single bad message can cause. */
    public static final int MAX_BEAMS = 1 << 20;

    private final long scanId;
    private final Timestamp time;
    private final double originX;
    private final double originY;
    private final double originZ;
    /** x, y, z per beam: the return point, or a unit direction when the beam has no return. */
    private final double[] beams;
    private final boolean[] returned;

    private RangeScan(Builder builder) {
        this.scanId = builder.scanId;
        this.time = builder.time;
        this.originX = builder.originX;
        this.originY = builder.originY;
        this.originZ = builder.originZ;
        this.beams = Arrays.copyOf(builder.beams, 3 * builder.count);
        this.returned = Arrays.copyOf(builder.returned, builder.count);
    }

    public static Builder builder(long scanId, Timestamp time, Vec3 origin) {
        Require.present("scan.origin", origin);
        return builder(scanId, time, origin.x(), origin.y(), origin.z());
    }

    /** Takes raw coordinates so that a non-finite origin is refused as {@code scan.origin.x} (etc.). */
    public static Builder builder(long scanId, Timestamp time, double originX, double originY, double originZ) {
        return new Builder(scanId, time, originX, originY, originZ);
    }

    /**
     * A planar scan as in sensor_msgs/LaserScan, with the sensor at {@code sensorPose} in the map frame. Beam i
     * points at {@code angleMin + i * angleIncrement} about the sensor's z axis. Following REP 117, a range
     * below {@code rangeMin} or -Inf carries no information and is skipped, and a range above {@code rangeMax}
     * or +Inf is a beam with no return; NaN is refused.
     */
    public static RangeScan planar(long scanId, Timestamp time, Pose sensorPose, double angleMin,
            double angleIncrement, float[] ranges, double rangeMin, double rangeMax) {
        Require.present("scan.sensorPose", sensorPose);
        Require.finite("scan.angleMin", angleMin);
        Require.finite("scan.angleIncrement", angleIncrement);
        Require.present("scan.ranges", ranges);
        Require.nonNegative("scan.rangeMin", rangeMin);
        Require.positive("scan.rangeMax", rangeMax);
        if (rangeMax <= rangeMin) {
            throw new InvalidValueException("scan.rangeMax", rangeMax, "must be above rangeMin " + rangeMin);
        }
        if (ranges.length > MAX_BEAMS) {
            throw new InvalidValueException("scan.ranges", ranges.length + " beams", "has more than " + MAX_BEAMS);
        }
        // One rotation matrix for the whole scan: Pose.transform would build EJML matrices per beam.
        SimpleMatrix r = sensorPose.orientation().rotationMatrix();
        double r00 = r.get(0, 0);
        double r01 = r.get(0, 1);
        double r10 = r.get(1, 0);
        double r11 = r.get(1, 1);
        double r20 = r.get(2, 0);
        double r21 = r.get(2, 1);
        Vec3 origin = sensorPose.position();
        Builder builder = builder(scanId, time, origin);
        for (int i = 0; i < ranges.length; i++) {
            float range = ranges[i];
            if (Float.isNaN(range)) {
                throw new InvalidValueException("scan.ranges[" + i + "]", range, "must not be NaN");
            }
            if (range < rangeMin) {
                continue;
            }
            double angle = angleMin + i * angleIncrement;
            double sx = Math.cos(angle);
            double sy = Math.sin(angle);
            double dx = r00 * sx + r01 * sy;
            double dy = r10 * sx + r11 * sy;
            double dz = r20 * sx + r21 * sy;
            if (range > rangeMax) {
                builder.noReturn(dx, dy, dz);
            } else {
                builder.hit(origin.x() + dx * range, origin.y() + dy * range, origin.z() + dz * range);
            }
        }
        return builder.build();
    }

    public long scanId() {
        return scanId;
    }

    public Timestamp time() {
        return time;
    }

    public Vec3 origin() {
        return new Vec3(originX, originY, originZ);
    }

    public int beamCount() {
        return returned.length;
    }

    public boolean hasReturn(int beam) {
        return returned[beam];
    }

    /** The return point of a beam with a return, else the unit direction of the beam. */
    public Vec3 beam(int beam) {
        return new Vec3(beams[3 * beam], beams[3 * beam + 1], beams[3 * beam + 2]);
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    double originZ() {
        return originZ;
    }

    double[] rawBeams() {
        return beams;
    }

    boolean[] rawReturned() {
        return returned;
    }

    /** Collects beams; every coordinate is validated as it is added, naming the beam. */
    public static final class Builder {
        private final long scanId;
        private final Timestamp time;
        private final double originX;
        private final double originY;
        private final double originZ;
        private double[] beams = new double[3 * 64];
        private boolean[] returned = new boolean[64];
        private int count;

        private Builder(long scanId, Timestamp time, double originX, double originY, double originZ) {
            this.scanId = Require.nonNegative("scan.id", scanId);
            this.time = Require.present("scan.time", time);
            this.originX = coordinate("scan.origin.x", originX);
            this.originY = coordinate("scan.origin.y", originY);
            this.originZ = coordinate("scan.origin.z", originZ);
        }

        /** A beam that returned at (x, y, z). */
        public Builder hit(double x, double y, double z) {
            String field = "scan.endpoints[" + count + "]";
            add(true, Require.finite(field + ".x", x), Require.finite(field + ".y", y),
                    Require.finite(field + ".z", z));
            return this;
        }

        public Builder hit(Vec3 endpoint) {
            Require.present("scan.endpoints[" + count + "]", endpoint);
            return hit(endpoint.x(), endpoint.y(), endpoint.z());
        }

        /** A beam along (dx, dy, dz) (any non-zero length) that returned nothing within range. */
        public Builder noReturn(double dx, double dy, double dz) {
            String field = "scan.directions[" + count + "]";
            Require.finite(field + ".x", dx);
            Require.finite(field + ".y", dy);
            Require.finite(field + ".z", dz);
            double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (!(norm > 1e-12) || !Double.isFinite(norm)) {
                throw new InvalidValueException(field, "(" + dx + ", " + dy + ", " + dz + ")",
                        "must be a non-zero direction");
            }
            add(false, dx / norm, dy / norm, dz / norm);
            return this;
        }

        public RangeScan build() {
            return new RangeScan(this);
        }

        private void add(boolean hasReturn, double x, double y, double z) {
            if (count == MAX_BEAMS) {
                throw new InvalidValueException("scan.beams", count + 1, "has more than " + MAX_BEAMS);
            }
            if (count == returned.length) {
                returned = Arrays.copyOf(returned, 2 * count);
                beams = Arrays.copyOf(beams, 6 * count);
            }
            beams[3 * count] = x;
            beams[3 * count + 1] = y;
            beams[3 * count + 2] = z;
            returned[count] = hasReturn;
            count++;
        }

        private static double coordinate(String field, double value) {
            return Require.inRange(field, value, -VoxelMap.MAX_COORDINATE, VoxelMap.MAX_COORDINATE);
        }
    }
}
