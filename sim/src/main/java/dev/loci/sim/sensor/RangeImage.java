package dev.loci.sim.sensor;

import dev.loci.sim.robot.Robot;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;

/**
 * A depth camera: a width x height grid of rays over the field of view from the camera height, giving a range
 * image (row-major, row 0 at the top, +Inf for no return) and a 3D scan for the voxel map.
 */
public final class RangeImage {
    private final RayCaster caster;
    private final FieldOfView view;
    private final int width;
    private final int height;

    public RangeImage(RayCaster caster, FieldOfView view, int width, int height) {
        this.caster = caster;
        this.view = view;
        this.width = (int) Require.inRange("width", width, 1, 1024);
        this.height = (int) Require.inRange("height", height, 1, 1024);
    }

    public Image capture(Robot robot, long scanId, Timestamp time) {
        double cz = robot.body().cameraHeight();
        float[] depth = new float[width * height];
        RangeScan.Builder scan = RangeScan.builder(scanId, time, robot.x(), robot.y(), cz);
        for (int row = 0; row < height; row++) {
            double pitch = view.verticalRadians() * (0.5 - (row + 0.5) / height);
            for (int col = 0; col < width; col++) {
                double yaw = robot.yaw() + view.horizontalRadians() * (0.5 - (col + 0.5) / width);
                double dx = Math.cos(pitch) * Math.cos(yaw);
                double dy = Math.cos(pitch) * Math.sin(yaw);
                double dz = Math.sin(pitch);
                RayHit hit = caster.cast(robot.x(), robot.y(), cz, dx, dy, dz, view.maxRange());
                if (hit.hit() && hit.distance() >= view.minRange()) {
                    depth[row * width + col] = (float) hit.distance();
                    scan.hit(robot.x() + dx * hit.distance(), robot.y() + dy * hit.distance(), cz + dz * hit.distance());
                } else {
                    depth[row * width + col] = Float.POSITIVE_INFINITY;
                    scan.noReturn(dx, dy, dz);
                }
            }
        }
        return new Image(width, height, depth, scan.build());
    }

    public record Image(int width, int height, float[] depth, RangeScan scan) {
        public float at(int col, int row) {
            return depth[row * width + col];
        }
    }
}
