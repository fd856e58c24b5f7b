package dev.loci.sim.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.sim.SimMemory;
import dev.loci.sim.Simulation;
import dev.loci.sim.robot.Body;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.testing.TestWorlds;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Versioned;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's periodic profile refresh moves the robot in memory, but never revives one declared failed. */
class TeamProfileTest {
    private static final int SENSE_EVERY = 2;
    /** Ticks between two profile refreshes (every fifth sensing tick). */
    private static final int REFRESH_TICKS = SENSE_EVERY * 5;

    @TempDir
    Path dir;

    @Test
    void aRobotTheCoordinatorDeclaredFailedStaysFailedThroughTheTeamsProfileRefreshes() throws Exception {
        try (LociRuntime memory = SimMemory.open(dir.resolve("memory"))) {
            Simulation simulation = new Simulation(TestWorlds.room(false), 0.1);
            Team team = new Team(simulation, memory, DetectorSettings.PERFECT, SENSE_EVERY, 3);
            TeamMember member = team.add("base_1", Body.wheeledBase(), 1, 3, 0);
            RobotId robot = member.robot().id();
            team.memory().read();
            TaskCoordinator coordinator = new TaskCoordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), simulation::time,
                    new TaskCoordinator.Settings(Duration.ofSeconds(1), 3));

            // the robot never heartbeats: after the timeout the coordinator declares it failed
            while (coordinator.tick().isEmpty()) {
                team.tick(m -> m.robot().command(0.2, 0));
            }
            assertThat(status(team, robot)).isEqualTo(RobotStatus.FAILED);
            double xWhenFailed = profile(team, robot).pose().position().x();

            // the crashed robot keeps rolling (nobody stopped its wheels) and the team keeps sensing
            for (int i = 0; i < 3 * REFRESH_TICKS; i++) {
                team.tick(m -> m.robot().command(0.2, 0));
            }
            assertThat(status(team, robot)).isEqualTo(RobotStatus.FAILED);
            assertThat(profile(team, robot).pose().position().x())
                    .as("the refresh still updates where the robot is").isGreaterThan(xWhenFailed + 0.2);
        }
    }

    @Test
    void aLiveRobotsRefreshKeepsItIdleAndMovesIt() throws Exception {
        try (LociRuntime memory = SimMemory.open(dir.resolve("memory"))) {
            Simulation simulation = new Simulation(TestWorlds.room(false), 0.1);
            Team team = new Team(simulation, memory, DetectorSettings.PERFECT, SENSE_EVERY, 3);
            RobotId robot = team.add("base_1", Body.wheeledBase(), 1, 3, 0).robot().id();
            for (int i = 0; i < 2 * REFRESH_TICKS + 1; i++) {
                team.tick(m -> m.robot().command(0.2, 0));
            }
            assertThat(status(team, robot)).isEqualTo(RobotStatus.IDLE);
            assertThat(profile(team, robot).pose().position().x()).isGreaterThan(1.2);
        }
    }

    private static RobotStatus status(Team team, RobotId robot) {
        return profile(team, robot).status();
    }

    private static RobotProfile profile(Team team, RobotId robot) {
        return team.memory().read().profile(robot).map(Versioned::value).orElseThrow();
    }
}
