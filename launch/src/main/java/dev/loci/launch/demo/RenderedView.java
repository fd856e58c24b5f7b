package dev.loci.launch.demo;

import dev.loci.sim.render.RenderSnapshot;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.geometry.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The true world seen from a snapshot's camera pose, rendered by sim's jME {@code SnapshotRenderer} in a child JVM
 * (it needs an OpenGL display, and DISPLAY must be set before its JVM starts). Only tried when the demo itself has
 * a DISPLAY; any problem (no GL, a hang) skips the rendered view with a reason and never fails the demo.
 */
final class RenderedView {
    private static final long TIMEOUT_SECONDS = 60;

    private final String display;
    private final String world;
    private final long seed;
    private final Path scratch;

    private RenderedView(String display, String world, long seed, Path scratch) {
        this.display = display;
        this.world = world;
        this.seed = seed;
        this.scratch = scratch;
    }

    /** A renderer for the demo's world and seed, if there is a display to render on. */
    static Optional<RenderedView> ifDisplay(String display, String world, long seed, Path scratch) {
        return display == null || display.isBlank() ? Optional.empty()
                : Optional.of(new RenderedView(display, world, seed, scratch));
    }

    /** Renders what a camera at the frame's pose sees into {@code out}; empty when done, else why not. */
    Optional<String> render(FrameRecord frame, Path out) {
        Vec3 at = frame.sensorPose().position();
        Vec3 along = frame.sensorPose().forward();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-Dorg.lwjgl.system.SharedLibraryExtractPath=" + scratch.resolve("lwjgl").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), RenderSnapshot.class.getName(), world,
                Long.toString(seed)));
        for (double v : new double[] {at.x(), at.y(), at.z(), along.x(), along.y(), along.z()}) {
            command.add(String.format(Locale.ROOT, "%.4f", v));
        }
        command.add(out.toAbsolutePath().toString());
        try {
            Files.createDirectories(scratch);
            Path log = scratch.resolve("render.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", display);
            Process child = builder.start();
            if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return Optional.of("the renderer did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (child.exitValue() != 0 || !Files.isRegularFile(out)) {
                return Optional.of("the renderer exited with " + child.exitValue() + " (see " + log + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the renderer could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
