package dev.loci.planner.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.planner.Worlds;
import dev.loci.planner.allocation.Allocator;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.allocation.NearestRobotAllocator;
import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.task.TaskSpec;
import dev.loci.planner.task.TaskState;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.geometry.Vec3;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same fetch and find tasks in the same mapped two-room world, run to the end by robots whose skills take
 * simulated time (driving the mapped path at top speed), allocated by body and path cost versus to the nearest
 * robot. Deterministic: the numbers are simulated seconds, not measurements of this machine.
 */
class AllocationComparisonTest {
    private static final Vec3 DROP_OFF = new Vec3(2.5, 4.0, 0);

    @TempDir
    Path dir;

    private record Outcome(int makespanSeconds, long attempts, long done) {
    }

    @Test
    void allocationByBodyAndPathFinishesTheSameTasksSoonerThanNearestRobot() throws Exception {
        Outcome byBody = run(dir.resolve("body"), (memory, planner) -> new EmbodimentAllocator(planner));
        Outcome nearest = run(dir.resolve("nearest"), NearestRobotAllocator::new);
        System.out.printf("allocation comparison (simulated s): embodiment makespan %d s, %d plans; "
                        + "nearest makespan %d s, %d plans%n", byBody.makespanSeconds(), byBody.attempts(),
                nearest.makespanSeconds(), nearest.attempts());

        assertThat(byBody.done()).isEqualTo(4);
        assertThat(nearest.done()).as("nearest gets there too, after robots fail what they cannot do").isEqualTo(4);
        assertThat(byBody.attempts()).as("every task on its first robot").isEqualTo(4);
        assertThat(nearest.attempts()).isGreaterThan(4);
        assertThat(byBody.makespanSeconds()).isLessThan(nearest.makespanSeconds());
    }

    private Outcome run(Path memoryDir, BiFunction<LociRuntime, TaskPlanner, Allocator> allocatorFor) throws Exception {
        ManualClock clock = new ManualClock();
        try (LociRuntime memory = LociRuntime.open(memoryDir, LociConfig.DEFAULT)) {
            Worlds.mapTwoRooms(memory);
            List<RobotProfile> fleet = List.of(
                    Worlds.robot(Worlds.SCOUT, RobotKind.WHEELED_BASE, 0, 0, Worlds.SCOUT_SKILLS, 4.0, 1.0),
                    Worlds.robot(Worlds.ARM, RobotKind.MOBILE_MANIPULATOR, 1.0, 3, Worlds.ARM_SKILLS, 6.0, 1.0),
                    Worlds.robot(Worlds.TALL, RobotKind.TALL_REACH, 2.0, 10, Worlds.TALL_SKILLS, 1.0, 1.0));
            Worlds.addRobots(memory, fleet);
            Worlds.see(memory, "mug", 4.3, 1.5, 0.8);      // low, left room, right next to the scout
            Worlds.see(memory, "book", 5.6, 1.0, 1.7);     // high shelf, right room, next to the arm
            Worlds.see(memory, "cup", 8.5, 4.0, 0.8);      // low, right room
            Worlds.see(memory, "plant", 1.5, 3.5, 0.4);    // left room
            TaskPlanner planner = new TaskPlanner(memory);
            TaskCoordinator coordinator = new TaskCoordinator(memory, allocatorFor.apply(memory, planner), clock,
                    new TaskCoordinator.Settings(Duration.ofSeconds(5), 5));
            List<ScriptedRobotFake> robots = new ArrayList<>();
            for (RobotProfile body : fleet) {
                ScriptedRobotFake robot = new ScriptedRobotFake(body, coordinator, (from, to) ->
                        memory.pathDistance(new Vec3(from.x(), from.y(), 0), new Vec3(to.x(), to.y(), 0))
                                .orElse(from.distanceTo(to)));
                robots.add(robot);
                coordinator.attach(robot);
            }
            coordinator.submitAll(List.of(TaskSpec.fetch("mug", DROP_OFF), TaskSpec.fetch("book", DROP_OFF),
                    TaskSpec.fetch("cup", DROP_OFF), TaskSpec.find("plant")));
            int seconds = 0;
            while (!coordinator.tasks().stream().allMatch(t -> t.state().finished())) {
                if (++seconds > 600) {
                    throw new AssertionError("not done in 600 s: " + coordinator.tasks());
                }
                clock.advance(Duration.ofSeconds(1));
                robots.forEach(ScriptedRobotFake::step);
                coordinator.tick();
            }
            List<Task> tasks = coordinator.tasks();
            return new Outcome(seconds, tasks.stream().mapToLong(Task::attempts).sum(),
                    tasks.stream().filter(t -> t.state() == TaskState.DONE).count());
        }
    }
}
