package dev.loci.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a real image with jme3-lwjgl3 offscreen under X (Xvfb + Mesa) in a child JVM, checks it has the
 * world's colours, and stores it as a snapshot image in Loci. Without a display and without Xvfb it is skipped,
 * except under CI=true, where that is a failure.
 */
class RenderedSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void anOffscreenRenderShowsTheRoomInItsColoursAndIsStoredAsASnapshotImage() throws Exception {
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        try {
            if (display == null || display.isBlank()) {
                File binary = new File("/usr/bin/Xvfb");
                if (!binary.canExecute()) {
                    if ("true".equals(System.getenv("CI"))) {
                        fail("CI=true but Xvfb is missing: install xvfb (see .ci/run)");
                    }
                    Assumptions.abort("no DISPLAY and no Xvfb: skipping the rendered snapshot");
                }
                display = ":" + (90 + (int) (ProcessHandle.current().pid() % 9));
                xvfb = new ProcessBuilder(binary.getPath(), display, "-screen", "0", "640x480x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
                Thread.sleep(1500);
                assertThat(xvfb.isAlive()).as("Xvfb started on %s", display).isTrue();
            }
            Path png = Path.of("target", "pictures", "household-render.png").toAbsolutePath();
            Files.deleteIfExists(png);
            // camera in the kitchen at 1.2 m looking east along the room, towards the living-room wall
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=true",
                    "-Dorg.lwjgl.system.SharedLibraryExtractPath=" + Path.of("target", "lwjgl").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), RenderSnapshot.class.getName(),
                    "household", "1", "0.6", "1.8", "1.2", "1", "0.3", "-0.15", png.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("render.log").toFile());
            builder.environment().put("DISPLAY", display);
            Process render = builder.start();
            if (!render.waitFor(90, TimeUnit.SECONDS)) {
                render.destroyForcibly();
                fail("renderer did not finish in 90 s: " + Files.readString(dir.resolve("render.log")));
            }
            assertThat(render.exitValue()).as(Files.readString(dir.resolve("render.log"))).isZero();

            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(320);
            int wall = 0;
            int furniture = 0;
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    wall += rgb == 0xF5F5F5 ? 1 : 0;        // white walls and counter (Palette "white")
                    furniture += rgb == 0x8C5A32 ? 1 : 0;   // brown table (Palette "brown")
                }
            }
            int pixels = image.getWidth() * image.getHeight();
            assertThat(colours).as("not blank").hasSizeGreaterThan(3);
            assertThat(wall).as("white wall pixels").isGreaterThan(pixels / 20);
            assertThat(furniture).as("brown table pixels").isGreaterThan(100);

            try (LociRuntime memory = SimMemory.open(dir.resolve("memory"))) {
                byte[] bytes = Files.readAllBytes(png);
                BlobId blob = memory.putBlob(bytes);
                RobotId robot = RobotId.of("camera_1");
                SensorFrame frame = new SensorFrame(robot, Timestamp.ofSeconds(1), "rgb", Pose.of(0.6, 1.8, 1.2, 0.3),
                        dev.loci.sim.sensor.DetectorSettings.DEFAULT.view(), List.of(), Optional.of(blob));
                memory.ingestFrame(frame).join();
                assertThat(memory.blob(blob)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
