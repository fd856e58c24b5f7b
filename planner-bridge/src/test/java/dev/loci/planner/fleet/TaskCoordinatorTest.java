package dev.loci.planner.fleet;

import static dev.loci.planner.Worlds.ARM;
import static dev.loci.planner.Worlds.SCOUT;
import static dev.loci.planner.Worlds.TALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.planner.Worlds;
import dev.loci.planner.allocation.Allocator;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.allocation.NearestRobotAllocator;
import dev.loci.planner.task.Skill;
import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.task.TaskSpec;
import dev.loci.planner.task.TaskState;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCoordinatorTest {
    private static final Vec3 TABLE = new Vec3(3, 3, 0);
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final TaskCoordinator.Settings SETTINGS =
            new TaskCoordinator.Settings(Duration.ofSeconds(3), 3);

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock();
    private final List<ScriptedRobotFake> robots = new ArrayList<>();

    private static List<RobotProfile> fleet() {
        return Worlds.mixedFleet(new double[] {3, 0.5}, new double[] {6, 1}, new double[] {9, 4});
    }

    private TaskCoordinator coordinator(LociRuntime memory, Allocator allocator, List<RobotProfile> bodies) {
        TaskCoordinator coordinator = new TaskCoordinator(memory, allocator, clock, SETTINGS);
        robots.clear();
        for (RobotProfile body : bodies) {
            ScriptedRobotFake robot = new ScriptedRobotFake(body, coordinator);
            robots.add(robot);
            coordinator.attach(robot);
        }
        return coordinator;
    }

    private ScriptedRobotFake robot(RobotId id) {
        return robots.stream().filter(r -> r.robot().equals(id)).findFirst().orElseThrow();
    }

    /** Control periods until {@code done} or the limit: time moves, robots act, the coordinator ticks. */
    private int run(TaskCoordinator coordinator, BooleanSupplier done, int limit) {
        for (int period = 1; period <= limit; period++) {
            clock.advance(PERIOD);
            robots.forEach(ScriptedRobotFake::step);
            coordinator.tick();
            if (done.getAsBoolean()) {
                return period;
            }
        }
        throw new AssertionError("not done after " + limit + " periods: " + coordinator.tasks());
    }

    private static BooleanSupplier allFinished(TaskCoordinator coordinator) {
        return () -> coordinator.tasks().stream().allMatch(t -> t.state().finished());
    }

    @Test
    void tasksRunSkillBySkillOnRobotsThatCanDoThemAndOutcomesGoToMemory() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.addRobots(memory, fleet());
            long mug = Worlds.see(memory, "mug", 3, 1, 0.8);
            Worlds.see(memory, "book", 6.5, 1, 1.7);
            TaskCoordinator coordinator = coordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), fleet());

            Task fetchMug = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            Task fetchBook = coordinator.submit(TaskSpec.fetch("book", TABLE));
            Task findMug = coordinator.submit(TaskSpec.find("mug"));
            run(coordinator, allFinished(coordinator), 20);
            memory.flush();

            assertThat(coordinator.tasks()).extracting(Task::state).containsOnly(TaskState.DONE);
            assertThat(coordinator.task(fetchMug.id()).orElseThrow().plan().orElseThrow().robot()).isEqualTo(ARM);
            assertThat(coordinator.task(fetchBook.id()).orElseThrow().plan().orElseThrow().robot()).isEqualTo(TALL);
            assertThat(coordinator.task(findMug.id()).orElseThrow().plan().orElseThrow().robot()).isEqualTo(SCOUT);
            assertThat(robot(ARM).done()).extracting(c -> c.skill().skill())
                    .containsExactly(Skill.NAVIGATE_TO, Skill.PICK, Skill.NAVIGATE_TO, Skill.PLACE);
            List<StoredEvent> aboutMug = memory.events(EventQuery.window(Timestamp.ZERO, clock.now()).involving(mug));
            assertThat(aboutMug).extracting(e -> e.event().description())
                    .anySatisfy(d -> assertThat(d).contains("arm did pick mug"))
                    .anySatisfy(d -> assertThat(d).contains("arm did place mug"));
            assertThat(memory.events(EventQuery.window(Timestamp.ZERO, clock.now()).ofTypes(Set.of(EventType.TASK_FINISHED))))
                    .hasSize(3);
        }
    }

    @Test
    void aSilentRobotIsDeclaredFailedWithinTheTimeoutAndItsTaskCompletesElsewhere() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.addRobots(memory, fleet());
            Worlds.see(memory, "mug", 6, 1.5, 0.8);
            TaskCoordinator coordinator = coordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), fleet());
            Task task = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            assertThat(task.robot()).contains(ARM);

            run(coordinator, () -> robot(ARM).done().size() == 2, 5);
            robot(ARM).goSilent();
            Timestamp lastHeard = clock.now();
            int periods = run(coordinator, () -> coordinator.task(task.id()).orElseThrow().robot().equals(
                    java.util.Optional.of(TALL)), 10);
            Duration silence = Duration.ofNanos(clock.now().nanos() - lastHeard.nanos());

            assertThat(silence).as("declared failed within timeout + one tick period")
                    .isGreaterThan(SETTINGS.heartbeatTimeout())
                    .isLessThanOrEqualTo(SETTINGS.heartbeatTimeout().plus(PERIOD));
            assertThat(periods).isEqualTo(4);
            run(coordinator, allFinished(coordinator), 20);
            memory.flush();

            Task done = coordinator.task(task.id()).orElseThrow();
            assertThat(done.state()).isEqualTo(TaskState.DONE);
            assertThat(done.plan().orElseThrow().robot()).isEqualTo(TALL);
            assertThat(done.excluded()).containsExactly(ARM);
            assertThat(memory.profile(ARM).orElseThrow().value().status()).isEqualTo(RobotStatus.FAILED);
            assertThat(robot(TALL).done()).extracting(c -> c.skill().skill())
                    .containsExactly(Skill.NAVIGATE_TO, Skill.PICK, Skill.NAVIGATE_TO, Skill.PLACE);
            assertThat(robot(ARM).cancelled()).containsExactly(task.id());

            OutcomeReceipt late = coordinator.outcome(dev.loci.planner.fleet.StepOutcome.succeeded(ARM, task.id(), 2));
            assertThat(late.accepted()).as("a late report from the failed robot changes nothing").isFalse();
            assertThat(coordinator.ignoredOutcomes()).isEqualTo(1);

            coordinator.heartbeat(ARM);
            memory.flush();
            assertThat(memory.profile(ARM).orElseThrow().value().status()).as("heard again").isEqualTo(RobotStatus.IDLE);
        }
    }

    @Test
    void aFailedStepGoesToAnotherRobotAndATaskFailsWhenItsAttemptsRunOut() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.addRobots(memory, fleet());
            Worlds.see(memory, "mug", 6, 1.5, 0.8);
            TaskCoordinator coordinator = coordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), fleet());
            robot(ARM).failAlways(Skill.PICK, "gripper slipped");
            Task retried = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            run(coordinator, allFinished(coordinator), 20);
            assertThat(coordinator.task(retried.id()).orElseThrow().plan().orElseThrow().robot()).isEqualTo(TALL);
            assertThat(coordinator.task(retried.id()).orElseThrow().attempts()).isEqualTo(2);

            robot(TALL).failAlways(Skill.PICK, "gripper slipped");
            Task stuck = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            run(coordinator, () -> coordinator.task(stuck.id()).orElseThrow().excluded().size() == 2, 20);
            Task waiting = coordinator.task(stuck.id()).orElseThrow();
            assertThat(waiting.state()).as("the one robot left cannot pick: it waits, saying why")
                    .isEqualTo(TaskState.PENDING);
            assertThat(waiting.excluded()).containsExactlyInAnyOrder(ARM, TALL);
            assertThat(waiting.reason()).contains("scout cannot pick");
        }
    }

    @Test
    void aTaskFailsWhenItsAttemptsRunOut() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.addRobots(memory, fleet());
            Worlds.see(memory, "mug", 6, 1.5, 0.8);
            TaskCoordinator coordinator = new TaskCoordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), clock,
                    new TaskCoordinator.Settings(Duration.ofSeconds(3), 2));
            robots.clear();
            for (RobotProfile body : fleet()) {
                ScriptedRobotFake robot = new ScriptedRobotFake(body, coordinator);
                robot.failAlways(Skill.PICK, "gripper slipped");
                robots.add(robot);
                coordinator.attach(robot);
            }
            Task doomed = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            run(coordinator, allFinished(coordinator), 20);

            Task failed = coordinator.task(doomed.id()).orElseThrow();
            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.reason()).contains("gripper slipped");
            memory.flush();
            assertThat(memory.events(EventQuery.window(Timestamp.ZERO, clock.now())
                    .ofTypes(Set.of(EventType.TASK_FAILED)))).hasSize(1);
        }
    }

    @Test
    void naiveNearestAllocationGivesAPickToARobotWithoutGripperWhichFailsAndIsRetriedElsewhere() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.addRobots(memory, fleet());
            Worlds.see(memory, "mug", 3, 1, 0.8);
            TaskPlanner planner = new TaskPlanner(memory);
            TaskCoordinator coordinator = coordinator(memory, new NearestRobotAllocator(memory, planner), fleet());

            Task task = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            assertThat(task.robot()).contains(SCOUT);
            run(coordinator, allFinished(coordinator), 20);

            Task done = coordinator.task(task.id()).orElseThrow();
            assertThat(done.state()).isEqualTo(TaskState.DONE);
            assertThat(done.plan().orElseThrow().robot()).isNotEqualTo(SCOUT);
            assertThat(done.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aReopenedMemoryResumesUnfinishedTasksWhereTheyStopped() throws Exception {
        Task runningBefore;
        Task pendingBefore;
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.addRobots(memory, fleet());
            Worlds.see(memory, "mug", 6, 1.5, 0.8);
            TaskCoordinator coordinator = coordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), fleet());
            Task first = coordinator.submit(TaskSpec.fetch("mug", TABLE));
            run(coordinator, () -> coordinator.task(first.id()).orElseThrow().nextStep() == 2, 5);
            pendingBefore = coordinator.submit(TaskSpec.explore());
            runningBefore = coordinator.task(first.id()).orElseThrow();
            assertThat(pendingBefore.state()).as("no frontier: waits").isEqualTo(TaskState.PENDING);
        }
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            TaskCoordinator coordinator = new TaskCoordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), clock, SETTINGS);
            Task running = coordinator.task(runningBefore.id()).orElseThrow();
            assertThat(running.state()).isEqualTo(TaskState.RUNNING);
            assertThat(running.plan()).isEqualTo(runningBefore.plan());
            assertThat(running.nextStep()).isEqualTo(2);
            assertThat(coordinator.task(pendingBefore.id()).orElseThrow().state()).isEqualTo(TaskState.PENDING);

            robots.clear();
            for (RobotProfile body : fleet()) {
                ScriptedRobotFake robot = new ScriptedRobotFake(body, coordinator);
                robots.add(robot);
                coordinator.attach(robot);
            }
            assertThat(coordinator.submit(TaskSpec.find("mug")).id()).as("numbering carries on").isEqualTo("task_3");
            run(coordinator, () -> coordinator.task(runningBefore.id()).orElseThrow().state().finished(), 10);

            assertThat(coordinator.task(runningBefore.id()).orElseThrow().state()).isEqualTo(TaskState.DONE);
            assertThat(robot(ARM).done()).as("the robot carried on from step 2")
                    .extracting(c -> c.skill().skill()).containsExactly(Skill.NAVIGATE_TO, Skill.PLACE);
        }
    }

    @Test
    void anOutcomeForAnUnknownTaskIsRefusedByName() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            TaskCoordinator coordinator = new TaskCoordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), clock, SETTINGS);
            assertThatThrownBy(() -> coordinator.outcome(StepOutcome.succeeded(ARM, "task_99", 0)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("task_id")
                    .hasMessageContaining("task_99");
        }
    }
}
