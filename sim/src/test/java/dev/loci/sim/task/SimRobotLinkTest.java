package dev.loci.sim.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.task.TaskSpec;
import dev.loci.planner.task.TaskState;
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
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner bridge's coordinator drives simulated robots through their links; one crashes mid-task. */
class SimRobotLinkTest {
    @TempDir
    Path dir;

    @Test
    void aFetchWhoseRobotGoesSilentIsFinishedByAnotherRobotThatCanPick() throws Exception {
        World world = new WorldBuilder().build(new WorldFiles().bundled("household"), 21);
        try (LociRuntime memory = SimMemory.open(dir)) {
            Simulation simulation = new Simulation(world, 0.1);
            Team team = new Team(simulation, memory, DetectorSettings.DEFAULT, 2, 21);
            double[] a = world.spec().starts().get(1);
            double[] b = world.spec().starts().get(2);
            TeamMember arm = team.add("manipulator_1", Body.mobileManipulator(), a[0], a[1], 0);
            TeamMember tall = team.add("tall_1", Body.tallReach(), b[0], b[1], 0);
            team.explore(300);

            Solid mug = world.objects().stream().filter(o -> o.label().equals("mug")).findFirst().orElseThrow();
            Solid table = world.furniture().stream().filter(f -> !f.name().equals(world.supportOf(mug).name())
                    && f.box().max().z() < 1.0).findFirst().orElseThrow();
            TaskCoordinator coordinator = new TaskCoordinator(memory, new EmbodimentAllocator(new TaskPlanner(memory)),
                    simulation::time, new TaskCoordinator.Settings(Duration.ofSeconds(3), 3));
            Manipulation hands = new Manipulation(world, new Random(1));
            List<SimRobotLink> links = List.of(
                    new SimRobotLink(arm, team.memory(), world, hands, coordinator),
                    new SimRobotLink(tall, team.memory(), world, hands, coordinator));
            team.memory().read();
            links.forEach(coordinator::attach);
            Task task = coordinator.submit(TaskSpec.fetch("mug", new Vec3(table.center().x(), table.center().y(),
                    table.box().max().z())));
            RobotId first = coordinator.task(task.id()).orElseThrow().robot().orElseThrow();
            SimRobotLink crashing = links.stream().filter(l -> l.robot().equals(first)).findFirst().orElseThrow();

            double begin = simulation.seconds();
            while (!coordinator.task(task.id()).orElseThrow().state().finished()
                    && simulation.seconds() - begin < 400) {
                double now = simulation.seconds();
                if (now - begin >= 1 && !crashing.silent()) {
                    crashing.goSilent();
                }
                team.tick(m -> links.stream().filter(l -> l.member() == m).findFirst()
                        .ifPresent(l -> l.step(now, simulation.time())));
                team.memory().read();
                coordinator.tick();
            }

            Task finished = coordinator.task(task.id()).orElseThrow();
            assertThat(finished.state()).as("%s", finished).isEqualTo(TaskState.DONE);
            assertThat(finished.plan().orElseThrow().robot()).isNotEqualTo(first);
            assertThat(finished.excluded()).contains(first);
            assertThat(coordinator.lastHeard(first)).as("declared failed").isEmpty();
            assertThat(world.objects().stream().filter(o -> o.label().equals("mug"))
                    .map(o -> world.supportOf(o).name())).contains(table.name());
        }
    }
}
