package dev.loci.sim.nav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.Simulation;
import dev.loci.sim.robot.Body;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.task.Team;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import dev.loci.spatial.occupancy.OccupancyGrid;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorationTest {
    @TempDir
    Path dir;

    @Test
    void aSingleRobotExploresTheHouseholdAndRemembersMostObjects() throws Exception {
        World world = new WorldBuilder().build(new WorldFiles().bundled("household"), 11);
        try (LociRuntime memory = SimMemory.open(dir)) {
            Team team = new Team(new Simulation(world, 0.1), memory, DetectorSettings.DEFAULT, 2, 11);
            double[] start = world.spec().starts().get(0);
            team.add("manipulator_1", Body.mobileManipulator(), start[0], start[1], 0);
            double seconds = team.explore(900);
            OccupancyGrid grid = memory.occupancyGrid();
            int known = 0;
            for (byte b : grid.data()) {
                if (b != OccupancyGrid.UNKNOWN) {
                    known++;
                }
            }
            double knownM2 = known * grid.resolution() * grid.resolution();
            long remembered = world.objects().stream().filter(o -> memory.objectsOfClass(o.label()).stream()
                    .anyMatch(r -> r.position().distanceTo(o.center()) < 0.3)).count();
            System.out.printf("explored in %.0f s, %.1f m2 known, %d/%d objects, travelled %.1f m, blocked %d%n",
                    seconds, knownM2, remembered, world.objects().size(),
                    team.members().get(0).robot().travelled(), team.members().get(0).robot().blockedSteps());
            assertThat(knownM2).isGreaterThan(0.8 * 12 * 9);
            assertThat(remembered).isGreaterThanOrEqualTo(8);
        }
    }
}
