package dev.loci.sim.picture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.Simulation;
import dev.loci.sim.robot.Body;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.task.Team;
import dev.loci.sim.task.TeamMember;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopDownPictureTest {
    @TempDir
    Path dir;

    @Test
    void aRunPictureShowsTheMapObjectsTrajectoriesSnapshotsAndFrontiers() throws Exception {
        World world = new WorldBuilder().build(new WorldFiles().bundled("supermarket"), 2);
        try (LociRuntime memory = SimMemory.open(dir.resolve("memory"))) {
            Team team = new Team(new Simulation(world, 0.1), memory, DetectorSettings.DEFAULT, 2, 2);
            double[] a = world.spec().starts().get(0);
            double[] b = world.spec().starts().get(2);
            team.add("base_1", Body.wheeledBase(), a[0], a[1], Math.PI / 2);
            team.add("manipulator_1", Body.mobileManipulator(), b[0], b[1], Math.PI / 2);
            team.explore(60);
            TopDownPicture picture = new TopDownPicture(world, 40).occupancy(memory.occupancyGrid())
                    .remembered(memory.objectsWithin(new dev.loci.spatial.geometry.Vec3(8, 6, 0.5), 20))
                    .snapshots(memory.snapshots()).frontiers(memory.frontiers());
            for (TeamMember m : team.members()) {
                picture.trajectory(m.trajectory());
            }
            Path file = picture.write(Path.of("target", "pictures", "supermarket-exploration.png"));
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(16 * 40 + 1);
            assertThat(image.getHeight()).isEqualTo(12 * 40 + 1);
            int white = 0;
            int trajectory = 0;
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    white += rgb == 0xFFFFFF ? 1 : 0;
                    trajectory += rgb == (Palette.robot(0).getRGB() & 0xFFFFFF) ? 1 : 0;
                }
            }
            int pixels = image.getWidth() * image.getHeight();
            assertThat(white).as("free space drawn").isGreaterThan(pixels / 5);
            assertThat(trajectory).as("first robot's path drawn").isGreaterThan(50);
            assertThat(colours).as("distinct colours").hasSizeGreaterThan(8);
            assertThat(memory.snapshots()).isNotEmpty();
        }
    }
}
