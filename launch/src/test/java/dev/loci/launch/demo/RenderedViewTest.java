package dev.loci.launch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's optional rendered view: none without a display; with one (its own Xvfb here, as in sim's
 * RenderedSnapshotTest) a real jME render of the household from a snapshot's pose. Without Xvfb it is skipped,
 * except under CI=true, where that is a failure.
 */
class RenderedViewTest {
    @TempDir
    Path dir;

    @Test
    void withoutADisplayThereIsNoRendererAndTheDemoDoesNotTry() {
        assertThat(RenderedView.ifDisplay(null, "household", 1, dir)).isEmpty();
        assertThat(RenderedView.ifDisplay(" ", "household", 1, dir)).isEmpty();
    }

    @Test
    void withADisplayASnapshotPoseIsRenderedFromTheTrueWorld() throws Exception {
        File binary = new File("/usr/bin/Xvfb");
        if (!binary.canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but Xvfb is missing: install xvfb (see .ci/run)");
            }
            Assumptions.abort("no Xvfb: skipping the rendered view");
        }
        String display = ":" + (80 + (int) (ProcessHandle.current().pid() % 9));
        Process xvfb = new ProcessBuilder(binary.getPath(), display, "-screen", "0", "640x480x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
        try {
            Thread.sleep(1500);
            assertThat(xvfb.isAlive()).as("Xvfb started on %s", display).isTrue();
            // a camera in the household's kitchen at 1.2 m, looking east and a little down, as a snapshot holds it
            Pose pose = new Pose(Pose.of(0.6, 1.8, 1.2, 0.3).position(), Pose.of(0, 0, 0, 0.3).orientation()
                    .times(new dev.loci.spatial.geometry.Quaternion(Math.cos(0.1), 0, Math.sin(0.1), 0)));
            FrameRecord frame = new FrameRecord(1, RobotId.of("tall_1"), Timestamp.ofSeconds(3), "detector", pose,
                    FieldOfView.RGBD, Optional.empty(), 0, List.of(), List.of());
            Path out = dir.resolve("rendered.png");

            Optional<String> problem = RenderedView.ifDisplay(display, "household", 1, dir.resolve("render"))
                    .orElseThrow().render(frame, out);

            assertThat(problem).isEmpty();
            BufferedImage image = ImageIO.read(out.toFile());
            assertThat(image.getWidth()).isEqualTo(320);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 4) {
                for (int x = 0; x < image.getWidth(); x += 4) {
                    colours.add(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
            assertThat(colours.size()).as("walls, floor and furniture in their colours, not a blank frame")
                    .isGreaterThan(3);
        } finally {
            xvfb.destroy();
            xvfb.waitFor();
        }
    }
}
