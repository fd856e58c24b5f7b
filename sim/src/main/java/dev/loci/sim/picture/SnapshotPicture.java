package dev.loci.sim.picture;

import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.snapshot.Snapshot;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * What a robot's camera saw at a remembered snapshot, drawn from memory alone with Java2D (works headless, no
 * OpenGL): memory's occupancy map laid on the floor (free light, occupied dark, unknown grey) and every remembered
 * object's box projected through the snapshot's camera pose and field of view, far to near (painter's order),
 * shaded in its remembered colour, with a dashed line down to the floor; the objects the snapshot is the best
 * view of are framed in white, and all are labelled. Gone objects are dashed outlines. A caption strip says whose
 * view it is and when.
 */
public final class SnapshotPicture {
    static final Color BACKGROUND = new Color(52, 58, 72);
    static final Color FLOOR_UNKNOWN = new Color(120, 120, 120);
    static final Color FLOOR_FREE = new Color(228, 226, 220);
    static final Color FLOOR_OCCUPIED = new Color(45, 45, 50);
    /** Map cells and objects farther than this times the view's range are not drawn. */
    private static final double DEPTH_FACTOR = 1.5;

    private final int width;
    private OccupancyGrid grid;
    private List<RememberedObject> remembered = List.of();

    /** Pictures {@code width} pixels wide; the height follows the field of view's aspect. */
    public SnapshotPicture(int width) {
        this.width = width;
    }

    public SnapshotPicture occupancy(OccupancyGrid occupancy) {
        this.grid = occupancy;
        return this;
    }

    public SnapshotPicture remembered(List<RememberedObject> objects) {
        this.remembered = List.copyOf(objects);
        return this;
    }

    /** The camera of a stored frame, at this picture's size. */
    public PinholeView viewOf(FrameRecord frame) {
        return new PinholeView(frame.sensorPose(), frame.view(), width);
    }

    public BufferedImage render(Snapshot snapshot) {
        PinholeView camera = viewOf(snapshot.frame());
        BufferedImage image = new BufferedImage(camera.width(), camera.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, camera.width(), camera.height());
        double depth = camera.view().maxRange() * DEPTH_FACTOR;
        drawFloor(g, camera, depth);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Set<Long> featured = new TreeSet<>(snapshot.objects());
        List<RememberedObject> inView = new ArrayList<>();
        Rectangle2D frame = new Rectangle2D.Double(0, 0, camera.width(), camera.height());
        for (RememberedObject o : remembered) {
            Vec3 c = camera.camera(o.position());
            if (c.x() > -maxHalfSize(o) && c.norm() <= depth
                    && camera.bounds(box(o)).map(frame::intersects).orElse(false)) {
                inView.add(o);
            }
        }
        Vec3 eye = camera.pose().position();
        inView.sort(Comparator.comparingDouble((RememberedObject o) -> -o.position().distanceTo(eye))
                .thenComparingLong(RememberedObject::id));
        for (RememberedObject o : inView) {
            drawStalk(g, camera, o);
            drawBox(g, camera, o, featured.contains(o.id()));
        }
        for (RememberedObject o : inView) {
            label(g, camera, o, featured.contains(o.id()));
        }
        caption(g, camera, snapshot);
        g.dispose();
        return image;
    }

    public Path write(Snapshot snapshot, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(render(snapshot), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }

    static Aabb box(RememberedObject o) {
        return Aabb.centered(o.position(), o.size());
    }

    /** The colour memory remembers for the object. */
    public static Color colourOf(RememberedObject o) {
        return Palette.named(o.attributes().getOrDefault("colour", "grey"));
    }

    private void drawFloor(Graphics2D g, PinholeView camera, double depth) {
        Vec3 eye = camera.pose().position();
        g.setColor(FLOOR_UNKNOWN);
        fill(g, camera.projectPolygon(List.of(new Vec3(eye.x() - depth, eye.y() - depth, 0),
                new Vec3(eye.x() + depth, eye.y() - depth, 0), new Vec3(eye.x() + depth, eye.y() + depth, 0),
                new Vec3(eye.x() - depth, eye.y() + depth, 0))));
        if (grid == null) {
            return;
        }
        double res = grid.resolution();
        int c0 = Math.max(0, grid.column(eye.x() - depth));
        int c1 = Math.min(grid.width() - 1, grid.column(eye.x() + depth));
        int r0 = Math.max(0, grid.row(eye.y() - depth));
        int r1 = Math.min(grid.height() - 1, grid.row(eye.y() + depth));
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                int v = grid.value(col, row);
                if (v < 0) {
                    continue;
                }
                double x = grid.columnCenterX(col);
                double y = grid.rowCenterY(row);
                Vec3 centre = camera.camera(new Vec3(x, y, 0));
                if (centre.x() < -res || centre.norm() > depth) {
                    continue;
                }
                double h = res / 2;
                g.setColor(v >= 50 ? FLOOR_OCCUPIED : FLOOR_FREE);
                fill(g, camera.projectPolygon(List.of(new Vec3(x - h, y - h, 0), new Vec3(x + h, y - h, 0),
                        new Vec3(x + h, y + h, 0), new Vec3(x - h, y + h, 0))));
            }
        }
    }

    /** A thin line from the box down to the floor: how high it is (the furniture under it is not remembered). */
    private static void drawStalk(Graphics2D g, PinholeView camera, RememberedObject o) {
        Aabb b = box(o);
        if (b.min().z() <= 0.05) {
            return;
        }
        Vec3 foot = new Vec3(b.center().x(), b.center().y(), 0);
        Vec3 under = new Vec3(b.center().x(), b.center().y(), b.min().z());
        List<Point2D.Double> line = camera.projectPolygon(List.of(under, foot));
        if (line.size() >= 2) {
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4, new float[] {3, 3}, 0));
            g.setColor(new Color(90, 90, 90));
            g.draw(new java.awt.geom.Line2D.Double(line.get(0), line.get(1)));
        }
    }

    private static void drawBox(Graphics2D g, PinholeView camera, RememberedObject o, boolean featured) {
        Aabb b = box(o);
        Vec3 lo = b.min();
        Vec3 hi = b.max();
        Vec3 eye = camera.pose().position();
        Color base = colourOf(o);
        boolean gone = o.status() == ObjectStatus.GONE;
        Color edge = base.darker().darker();
        // a box is convex: the faces whose outside the camera is on never overlap each other on screen
        List<Face> faces = new ArrayList<>();
        if (eye.z() > hi.z()) {
            faces.add(new Face(1.0, List.of(new Vec3(lo.x(), lo.y(), hi.z()), new Vec3(hi.x(), lo.y(), hi.z()),
                    new Vec3(hi.x(), hi.y(), hi.z()), new Vec3(lo.x(), hi.y(), hi.z()))));
        }
        if (eye.z() < lo.z()) {
            faces.add(new Face(0.45, List.of(new Vec3(lo.x(), lo.y(), lo.z()), new Vec3(hi.x(), lo.y(), lo.z()),
                    new Vec3(hi.x(), hi.y(), lo.z()), new Vec3(lo.x(), hi.y(), lo.z()))));
        }
        for (double x : new double[] {lo.x(), hi.x()}) {
            if (x == lo.x() ? eye.x() < lo.x() : eye.x() > hi.x()) {
                faces.add(new Face(0.8, List.of(new Vec3(x, lo.y(), lo.z()), new Vec3(x, hi.y(), lo.z()),
                        new Vec3(x, hi.y(), hi.z()), new Vec3(x, lo.y(), hi.z()))));
            }
        }
        for (double y : new double[] {lo.y(), hi.y()}) {
            if (y == lo.y() ? eye.y() < lo.y() : eye.y() > hi.y()) {
                faces.add(new Face(0.65, List.of(new Vec3(lo.x(), y, lo.z()), new Vec3(hi.x(), y, lo.z()),
                        new Vec3(hi.x(), y, hi.z()), new Vec3(lo.x(), y, hi.z()))));
            }
        }
        float stroke = 1.2f;
        g.setStroke(gone ? new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4,
                new float[] {5, 4}, 0) : new BasicStroke(stroke));
        for (Face face : faces) {
            Path2D.Double outline = path(camera.projectPolygon(face.corners()));
            if (outline == null) {
                continue;
            }
            if (!gone) {
                g.setColor(shade(base, face.light()));
                g.fill(outline);
            }
            g.setColor(gone ? base : edge);
            g.draw(outline);
        }
        if (featured) {
            // a white frame around the box, not on it: a small object keeps its colour
            camera.bounds(b).ifPresent(r -> {
                g.setStroke(new BasicStroke(1.5f));
                g.setColor(Color.WHITE);
                g.draw(new Rectangle2D.Double(r.getX() - 3, r.getY() - 3, r.getWidth() + 6, r.getHeight() + 6));
            });
        }
    }

    private static void label(Graphics2D g, PinholeView camera, RememberedObject o, boolean featured) {
        Rectangle2D bounds = camera.bounds(box(o)).orElse(null);
        if (bounds == null) {
            return;
        }
        String text = o.label() + (o.status() == ObjectStatus.PRESENT ? "" : " (" + o.status().name().toLowerCase(
                Locale.ROOT) + ")");
        g.setFont(new Font(Font.SANS_SERIF, featured ? Font.BOLD : Font.PLAIN, 12));
        FontMetrics m = g.getFontMetrics();
        int w = m.stringWidth(text) + 6;
        int h = m.getHeight();
        // above the box, so the label hides none of it (unless the box touches the top of the picture)
        int x = (int) Math.round(Math.max(0, Math.min(camera.width() - w, bounds.getCenterX() - w / 2.0)));
        int y = (int) Math.round(Math.max(0, Math.min(camera.height() - h, bounds.getMinY() - h - 2)));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(Color.BLACK);
        g.fillRect(x, y, w, h);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(featured ? Color.WHITE : new Color(210, 210, 210));
        g.drawString(text, x + 3, y + m.getAscent());
    }

    private static void caption(Graphics2D g, PinholeView camera, Snapshot snapshot) {
        FrameRecord f = snapshot.frame();
        String text = String.format(Locale.ROOT,
                "snapshot %d: %s at t=%.1f s, (%.1f, %.1f), heading %.0f\u00b0",
                f.id(), f.robot().name(), f.time().seconds(), f.sensorPose().position().x(),
                f.sensorPose().position().y(), Math.toDegrees(f.sensorPose().orientation().yaw()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics m = g.getFontMetrics();
        int h = m.getHeight() + 2;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
        g.setColor(Color.BLACK);
        g.fillRect(0, camera.height() - h, camera.width(), h);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(Color.WHITE);
        g.drawString(text, 4, camera.height() - h + 1 + m.getAscent());
    }

    private record Face(double light, List<Vec3> corners) {
    }

    private static double maxHalfSize(RememberedObject o) {
        return Math.max(o.size().x(), Math.max(o.size().y(), o.size().z())) / 2;
    }

    private static Color shade(Color c, double light) {
        return new Color((int) Math.round(c.getRed() * light), (int) Math.round(c.getGreen() * light),
                (int) Math.round(c.getBlue() * light));
    }

    private static void fill(Graphics2D g, List<Point2D.Double> polygon) {
        Path2D.Double path = path(polygon);
        if (path != null) {
            g.fill(path);
        }
    }

    private static Path2D.Double path(List<Point2D.Double> polygon) {
        if (polygon.size() < 3) {
            return null;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(polygon.get(0).x, polygon.get(0).y);
        for (int i = 1; i < polygon.size(); i++) {
            path.lineTo(polygon.get(i).x, polygon.get(i).y);
        }
        path.closePath();
        return path;
    }
}
