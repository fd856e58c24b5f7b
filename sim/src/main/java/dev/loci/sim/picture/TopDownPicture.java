package dev.loci.sim.picture;

import dev.loci.sim.world.Solid;
import dev.loci.sim.world.SolidKind;
import dev.loci.sim.world.World;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.snapshot.Snapshot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A top-down picture of a run (works headless): memory's occupancy grid (unknown grey, free white, occupied
 * black), the true walls, furniture and objects (outlined), remembered objects (filled discs, hollow when gone),
 * each robot's trajectory, snapshot camera poses and frontiers. Add layers, then {@link #render()}.
 */
public final class TopDownPicture {
    public static final Color UNKNOWN = new Color(150, 150, 150);
    public static final Color FRONTIER = new Color(255, 0, 255);
    public static final Color SNAPSHOT = new Color(0, 200, 255);

    private final World world;
    private final double pixelsPerMetre;
    private OccupancyGrid grid;
    private List<RememberedObject> remembered = List.of();
    private final List<List<double[]>> trajectories = new ArrayList<>();
    private List<Snapshot> snapshots = List.of();
    private List<Frontier> frontiers = List.of();

    public TopDownPicture(World world, double pixelsPerMetre) {
        this.world = world;
        this.pixelsPerMetre = pixelsPerMetre;
    }

    public TopDownPicture occupancy(OccupancyGrid occupancy) {
        this.grid = occupancy;
        return this;
    }

    public TopDownPicture remembered(List<RememberedObject> objects) {
        this.remembered = List.copyOf(objects);
        return this;
    }

    /** A robot's path as (x, y) points; robots are coloured in the order added. */
    public TopDownPicture trajectory(List<double[]> points) {
        trajectories.add(List.copyOf(points));
        return this;
    }

    public TopDownPicture snapshots(List<Snapshot> memorySnapshots) {
        this.snapshots = List.copyOf(memorySnapshots);
        return this;
    }

    public TopDownPicture frontiers(List<Frontier> open) {
        this.frontiers = List.copyOf(open);
        return this;
    }

    public BufferedImage render() {
        int width = px(world.spec().width()) + 1;
        int height = px(world.spec().depth()) + 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(UNKNOWN);
        g.fillRect(0, 0, width, height);
        if (grid != null) {
            drawGrid(g, height);
        }
        for (Solid solid : world.solids()) {
            Aabb b = solid.box();
            int x0 = px(b.min().x());
            int y0 = height - 1 - px(b.max().y());
            int w = Math.max(1, px(b.size().x()));
            int h = Math.max(1, px(b.size().y()));
            if (solid.kind() == SolidKind.WALL) {
                g.setColor(new Color(60, 60, 70));
                g.fillRect(x0, y0, w, h);
            } else {
                g.setColor(solid.kind() == SolidKind.OBJECT ? Palette.named(solid.colour()) : new Color(140, 90, 50));
                g.setStroke(new BasicStroke(solid.kind() == SolidKind.OBJECT ? 2f : 1.5f));
                g.drawRect(x0, y0, w, h);
            }
        }
        for (RememberedObject o : remembered) {
            int r = Math.max(3, (int) (0.08 * pixelsPerMetre));
            int cx = px(o.position().x());
            int cy = height - 1 - px(o.position().y());
            g.setColor(Palette.named(o.attributes().getOrDefault("colour", "grey")));
            if (o.status() == ObjectStatus.GONE) {
                g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
            } else {
                g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            }
        }
        for (Snapshot s : snapshots) {
            drawPose(g, s.frame().sensorPose(), height, SNAPSHOT);
        }
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < trajectories.size(); i++) {
            List<double[]> points = trajectories.get(i);
            if (points.size() < 2) {
                continue;
            }
            Path2D.Double path = new Path2D.Double();
            path.moveTo(px(points.get(0)[0]), height - 1 - px(points.get(0)[1]));
            for (double[] p : points) {
                path.lineTo(px(p[0]), height - 1 - px(p[1]));
            }
            g.setColor(Palette.robot(i));
            g.draw(path);
        }
        g.setColor(FRONTIER);
        for (Frontier f : frontiers) {
            int r = Math.max(3, (int) (0.1 * pixelsPerMetre));
            g.fillRect(px(f.centroid().x()) - r, height - 1 - px(f.centroid().y()) - r, 2 * r, 2 * r);
        }
        g.dispose();
        return image;
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(render(), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
        return file;
    }

    private void drawGrid(Graphics2D g, int height) {
        double res = grid.resolution();
        int cell = Math.max(1, (int) Math.ceil(res * pixelsPerMetre));
        for (int row = 0; row < grid.height(); row++) {
            for (int col = 0; col < grid.width(); col++) {
                int v = grid.value(col, row);
                if (v < 0) {
                    continue;
                }
                g.setColor(v >= 50 ? Color.BLACK : Color.WHITE);
                double x = grid.originX() + col * res;
                double y = grid.originY() + (row + 1) * res;
                g.fillRect(px(x), height - 1 - px(y), cell, cell);
            }
        }
    }

    private void drawPose(Graphics2D g, Pose pose, int height, Color colour) {
        double yaw = pose.orientation().yaw();
        double x = pose.position().x();
        double y = pose.position().y();
        double len = 0.3;
        int[] xs = {px(x + len * Math.cos(yaw)), px(x + 0.5 * len * Math.cos(yaw + 2.4)),
                px(x + 0.5 * len * Math.cos(yaw - 2.4))};
        int[] ys = {height - 1 - px(y + len * Math.sin(yaw)), height - 1 - px(y + 0.5 * len * Math.sin(yaw + 2.4)),
                height - 1 - px(y + 0.5 * len * Math.sin(yaw - 2.4))};
        g.setColor(colour);
        g.fillPolygon(xs, ys, 3);
    }

    private int px(double metres) {
        return (int) Math.round(metres * pixelsPerMetre);
    }
}
