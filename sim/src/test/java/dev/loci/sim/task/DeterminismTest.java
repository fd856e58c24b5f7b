package dev.loci.sim.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.Simulation;
import dev.loci.sim.robot.Body;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path dir;

    private record Run(String digest, List<double[]> trajectory) {
    }

    @Test
    void theSameSeedGivesIdenticalTrajectoriesAndSensorDataAndAnotherSeedDoesNot() throws Exception {
        Run first = run(5, dir.resolve("a"));
        Run second = run(5, dir.resolve("b"));
        Run other = run(6, dir.resolve("c"));
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.trajectory()).hasSameSizeAs(first.trajectory());
        for (int i = 0; i < first.trajectory().size(); i++) {
            assertThat(second.trajectory().get(i)).containsExactly(first.trajectory().get(i));
        }
        assertThat(other.digest()).isNotEqualTo(first.digest());
        // the robots really moved, so the comparison covered motion and not a standstill
        double[] start = first.trajectory().get(0);
        double[] end = first.trajectory().get(first.trajectory().size() - 1);
        assertThat(Math.hypot(end[0] - start[0], end[1] - start[1])).isGreaterThan(1);
    }

    private static Run run(long seed, Path memoryDir) throws Exception {
        World world = new WorldBuilder().build(new WorldFiles().bundled("restaurant"), seed);
        try (LociRuntime memory = SimMemory.open(memoryDir)) {
            Team team = new Team(new Simulation(world, 0.1), memory, DetectorSettings.DEFAULT, 2, seed);
            double[] a = world.spec().starts().get(0);
            double[] b = world.spec().starts().get(1);
            team.add("base_1", Body.wheeledBase(), a[0], a[1], 0);
            team.add("drone_1", Body.drone(), b[0], b[1], 1);
            team.explore(40);
            return new Run(team.digest().hex(), List.copyOf(team.members().get(0).trajectory()));
        }
    }
}
