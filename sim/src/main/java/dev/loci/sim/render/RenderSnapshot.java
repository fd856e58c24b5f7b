package dev.loci.sim.render;

import com.jme3.math.Vector3f;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders one snapshot of a bundled world to a PNG: {@code RenderSnapshot WORLD SEED X Y Z DX DY DZ OUT.png}.
 * A separate process because the X display (DISPLAY) must be set before the JVM starts.
 */
public final class RenderSnapshot {
    private RenderSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        World world = new WorldBuilder().build(new WorldFiles().bundled(args[0]), Long.parseLong(args[1]));
        SnapshotRenderer renderer = new SnapshotRenderer(world, 320, 240);
        int code = 1;
        try {
            renderer.startOffscreen(30);
            BufferedImage image = renderer.render(
                    new Vector3f(Float.parseFloat(args[2]), Float.parseFloat(args[3]), Float.parseFloat(args[4])),
                    new Vector3f(Float.parseFloat(args[5]), Float.parseFloat(args[6]), Float.parseFloat(args[7])), 30);
            Path out = Path.of(args[8]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            ImageIO.write(image, "png", out.toFile());
            code = 0;
        } finally {
            renderer.stop();
            Runtime.getRuntime().halt(code); // the GL thread may linger; the image is written
        }
    }
}
