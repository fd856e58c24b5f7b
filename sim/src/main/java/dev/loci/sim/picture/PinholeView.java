package dev.loci.sim.picture;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.Require;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pinhole camera at a sensor pose (ROS convention: x forward, y left, z up) whose image spans the field of
 * view: map points to camera coordinates, clip polygons at the near plane, and project to pixels (column
 * right, row down).
 */
public final class PinholeView {
    /** Polygons are cut this far in front of the camera, metres. */
    static final double NEAR = 0.05;

    private final Pose pose;
    private final FieldOfView view;
    private final int width;
    private final int height;
    private final double focalX;
    private final double focalY;
    /** Rows of the map-to-camera rotation (the transpose of the pose's rotation). */
    private final double[] toCamera = new double[9];

    public PinholeView(Pose pose, FieldOfView view, int width) {
        this.pose = Require.present("pose", pose);
        this.view = Require.present("view", view);
        Require.inRange("width", width, 16, 8192);
        this.width = width;
        double tanH = Math.tan(Math.min(view.horizontalRadians(), Math.toRadians(170)) / 2);
        double tanV = Math.tan(Math.min(view.verticalRadians(), Math.toRadians(170)) / 2);
        this.height = Math.max(16, (int) Math.round(width * tanV / tanH));
        this.focalX = (width / 2.0) / tanH;
        this.focalY = (height / 2.0) / tanV;
        var r = pose.orientation().rotationMatrix();
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                toCamera[row * 3 + col] = r.get(col, row);
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Pose pose() {
        return pose;
    }

    public FieldOfView view() {
        return view;
    }

    /** The map point in camera coordinates: x ahead, y to the left, z up. */
    public Vec3 camera(Vec3 map) {
        double dx = map.x() - pose.position().x();
        double dy = map.y() - pose.position().y();
        double dz = map.z() - pose.position().z();
        return new Vec3(toCamera[0] * dx + toCamera[1] * dy + toCamera[2] * dz,
                toCamera[3] * dx + toCamera[4] * dy + toCamera[5] * dz,
                toCamera[6] * dx + toCamera[7] * dy + toCamera[8] * dz);
    }

    /** The pixel of a point given in camera coordinates (which must be ahead of the camera). */
    public Point2D.Double pixel(Vec3 camera) {
        return new Point2D.Double(width / 2.0 - focalX * camera.y() / camera.x(),
                height / 2.0 - focalY * camera.z() / camera.x());
    }

    /** The pixel of a map point, if it is in front of the camera. */
    public Optional<Point2D.Double> project(Vec3 map) {
        Vec3 c = camera(map);
        return c.x() < NEAR ? Optional.empty() : Optional.of(pixel(c));
    }

    /**
     * A polygon of map points, cut where it passes behind the near plane, as pixels; empty if it lies wholly
     * behind the camera.
     */
    public List<Point2D.Double> projectPolygon(List<Vec3> map) {
        List<Vec3> in = new ArrayList<>(map.size());
        for (Vec3 p : map) {
            in.add(camera(p));
        }
        List<Vec3> clipped = new ArrayList<>(in.size() + 2);
        for (int i = 0; i < in.size(); i++) {
            Vec3 a = in.get(i);
            Vec3 b = in.get((i + 1) % in.size());
            boolean aIn = a.x() >= NEAR;
            boolean bIn = b.x() >= NEAR;
            if (aIn) {
                clipped.add(a);
            }
            if (aIn != bIn) {
                double t = (NEAR - a.x()) / (b.x() - a.x());
                clipped.add(a.plus(b.minus(a).times(t)));
            }
        }
        List<Point2D.Double> pixels = new ArrayList<>(clipped.size());
        for (Vec3 c : clipped) {
            pixels.add(pixel(c));
        }
        return pixels;
    }

    /** The pixel rectangle a box covers (its corners in front of the camera), if any corner is in front. */
    public Optional<Rectangle2D> bounds(Aabb box) {
        Rectangle2D.Double r = null;
        for (Vec3 corner : corners(box)) {
            Optional<Point2D.Double> p = project(corner);
            if (p.isPresent()) {
                if (r == null) {
                    r = new Rectangle2D.Double(p.get().x, p.get().y, 0, 0);
                } else {
                    r.add(p.get());
                }
            }
        }
        return Optional.ofNullable(r);
    }

    static List<Vec3> corners(Aabb box) {
        Vec3 lo = box.min();
        Vec3 hi = box.max();
        List<Vec3> corners = new ArrayList<>(8);
        for (int i = 0; i < 8; i++) {
            corners.add(new Vec3((i & 1) == 0 ? lo.x() : hi.x(), (i & 2) == 0 ? lo.y() : hi.y(),
                    (i & 4) == 0 ? lo.z() : hi.z()));
        }
        return corners;
    }
}
