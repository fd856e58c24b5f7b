package dev.loci.sim.picture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.snapshot.Snapshot;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot drawn from memory: real frames into a real memory, its snapshot drawn to a real PNG. */
class SnapshotPictureTest {
    private static final RobotId ROBOT = RobotId.of("tall_1");
    private static final FieldOfView VIEW = new FieldOfView(Math.toRadians(87), Math.toRadians(58), 0.2, 4.5);
    /** 1.2 m up, looking along +x, pitched 0.25 rad down (as the simulated cameras are mounted). */
    private static final Pose CAMERA = new Pose(new Vec3(0, 0, 1.2),
            Quaternion.fromYaw(0).times(new Quaternion(Math.cos(0.125), 0, Math.sin(0.125), 0)));
    private static final Aabb MUG = Aabb.centered(new Vec3(2.0, 0.0, 0.8), new Vec3(0.3, 0.3, 0.3));
    private static final Aabb CRATE = Aabb.centered(new Vec3(3.0, 0.35, 0.8), new Vec3(0.6, 0.6, 0.6));

    @TempDir
    Path dir;

    @Test
    void theRememberedObjectsColourFillsItsProjectedBoxAndTheNearerObjectIsDrawnOverTheFartherOne()
            throws Exception {
        try (LociRuntime memory = SimMemory.open(dir.resolve("memory"))) {
            for (int i = 1; i <= 3; i++) {
                Timestamp t = Timestamp.ofSeconds(i);
                memory.ingestFrame(new SensorFrame(ROBOT, t, "detector", CAMERA, VIEW,
                        List.of(seen(t, "mug", "red", MUG), seen(t, "crate", "blue", CRATE)), Optional.empty()));
            }
            memory.flush();
            List<RememberedObject> remembered = new ArrayList<>(memory.objectsWithin(new Vec3(2, 0, 1), 5));
            assertThat(remembered).extracting(RememberedObject::label).containsExactlyInAnyOrder("mug", "crate");
            Snapshot snapshot = memory.snapshots().stream().filter(s -> s.classes().contains("mug")).findFirst()
                    .orElseThrow();

            SnapshotPicture picture = new SnapshotPicture(480).occupancy(memory.occupancyGrid())
                    .remembered(remembered);
            Path file = picture.write(snapshot, dir.resolve("snapshot.png"));
            Files.copy(file, Files.createDirectories(Path.of("target", "pictures")).resolve("snapshot-picture.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
            BufferedImage image = ImageIO.read(file.toFile());
            PinholeView camera = picture.viewOf(snapshot.frame());
            assertThat(image.getWidth()).isEqualTo(480);
            assertThat(image.getHeight()).isEqualTo(camera.height()).isBetween(270, 290);

            Rectangle mug = inner(camera.bounds(MUG).orElseThrow());
            Rectangle crate = inner(camera.bounds(CRATE).orElseThrow());
            assertThat(mug.width).as("the mug 2 m away is tens of pixels wide").isGreaterThan(20);
            assertThat(fraction(image, mug, SnapshotPictureTest::red)).as("red inside the mug's box")
                    .isGreaterThan(0.8);
            assertThat(fraction(image, new Rectangle(0, 0, image.getWidth(), mug.y - 20), SnapshotPictureTest::red))
                    .as("no red well above the mug").isZero();
            // the crate stands left of the mug (+y is left in the camera): its part left of the mug shows it alone
            Rectangle crateOnly = new Rectangle(crate.x, crate.y, mug.x - 4 - crate.x, crate.height);
            assertThat(crateOnly.isEmpty()).isFalse();
            assertThat(fraction(image, crateOnly, SnapshotPictureTest::blue)).as("blue where only the crate is")
                    .isGreaterThan(0.6);
            Rectangle both = mug.intersection(crate);
            assertThat(both.width * both.height).as("the crate is partly behind the mug").isGreaterThan(20);
            assertThat(fraction(image, both, SnapshotPictureTest::red)).as("the nearer mug hides the crate")
                    .isGreaterThan(0.8);
        }
    }

    private static Observation seen(Timestamp t, String label, String colour, Aabb box) {
        return new Observation(ROBOT, t, "detector", CAMERA, label, new TreeMap<>(Map.of("colour", colour)), box, 0.9,
                Optional.empty(), Optional.empty());
    }

    /** The box's pixel rectangle shrunk by 3 pixels, so edges and outlines are not counted. */
    private static Rectangle inner(Rectangle2D r) {
        return new Rectangle((int) Math.ceil(r.getMinX()) + 3, (int) Math.ceil(r.getMinY()) + 3,
                (int) Math.floor(r.getWidth()) - 6, (int) Math.floor(r.getHeight()) - 6);
    }

    private static double fraction(BufferedImage image, Rectangle area, java.util.function.IntPredicate colour) {
        Rectangle r = area.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int hits = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                hits += colour.test(image.getRGB(x, y)) ? 1 : 0;
            }
        }
        return r.isEmpty() ? 0 : (double) hits / (r.width * r.height);
    }

    private static boolean red(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 120 && c.getGreen() < 60 && c.getBlue() < 60;
    }

    private static boolean blue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 120 && c.getRed() < 60 && c.getGreen() < 100;
    }
}
