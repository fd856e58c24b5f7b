package dev.loci.sim.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.EventQuery;
import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.Simulation;
import dev.loci.sim.robot.Body;
import dev.loci.sim.robot.Manipulation;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiRobotFetchTest {
    @TempDir
    Path dir;

    @Test
    void threeBodiesExploreIntoOneMemoryAndTheManipulatorFetchesFromIt() throws Exception {
        World world = new WorldBuilder().build(new WorldFiles().bundled("household"), 21);
        try (LociRuntime memory = SimMemory.open(dir)) {
            Simulation simulation = new Simulation(world, 0.1);
            Team team = new Team(simulation, memory, DetectorSettings.DEFAULT, 2, 21);
            double[] a = world.spec().starts().get(0);
            double[] b = world.spec().starts().get(1);
            double[] c = world.spec().starts().get(2);
            team.add("base_1", Body.wheeledBase(), a[0], a[1], 0);
            TeamMember manipulator = team.add("manipulator_1", Body.mobileManipulator(), b[0], b[1], 0);
            team.add("drone_1", Body.drone(), c[0], c[1], 0);
            team.explore(400);

            Set<String> contributors = new TreeSet<>();
            for (RememberedObject o : memory.objectsWithin(new dev.loci.spatial.geometry.Vec3(6, 4.5, 0.5), 20)) {
                contributors.addAll(o.seenBy());
            }
            assertThat(contributors).as("robots whose detections memory holds").hasSizeGreaterThanOrEqualTo(2);
            assertThat(memory.profiles()).hasSize(3);

            Solid mug = world.objects().stream().filter(o -> o.label().equals("mug")
                    && o.colour().equals("red")).findFirst().orElseThrow();
            String from = world.supportOf(mug).name();
            Solid destination = world.furniture().stream().filter(f -> !f.name().equals(from)
                    && f.box().max().z() < 1.0).findFirst().orElseThrow();
            Fetch fetch = new Fetch(manipulator, team.memory(), world, new Manipulation(world, new Random(1)),
                    Target.of(mug), destination, GoToObject.Mode.MEMORY);
            double begin = simulation.seconds();
            while (!fetch.finished() && simulation.seconds() - begin < 300) {
                double now = simulation.seconds();
                Timestamp time = simulation.time();
                team.tick(m -> {
                    if (m == manipulator) {
                        fetch.step(now, time);
                    } else {
                        m.robot().stop();
                    }
                });
            }
            assertThat(fetch.done()).as("fetch finished: %s; mug at %s", fetch.state(), mug.center()).isTrue();
            assertThat(world.supportOf(mug).name()).isEqualTo(destination.name());
            assertThat(manipulator.robot().carrying()).isEmpty();
            memory.flush();
            assertThat(memory.events(EventQuery.window(Timestamp.ZERO, simulation.time()))
                    .stream().map(e -> e.event().description())).contains("picked mug",
                    "placed mug on " + destination.name());
        }
    }
}
