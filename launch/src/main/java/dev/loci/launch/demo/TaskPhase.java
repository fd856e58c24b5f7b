package dev.loci.launch.demo;

import dev.loci.launch.progress.ProgressLine;
import dev.loci.planner.allocation.Allocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.fleet.TimeSource;
import dev.loci.planner.task.Skill;
import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskState;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.ros.transport.RosDomain;
import dev.loci.sim.Simulation;
import dev.loci.sim.nav.FrontierClaims;
import dev.loci.sim.robot.Manipulation;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.sensor.Perception;
import dev.loci.sim.sensor.SensorDigest;
import dev.loci.sim.task.SimRobotLink;
import dev.loci.sim.task.TeamMember;
import dev.loci.sim.world.World;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Phase 2: the planner bridge runs tasks on the simulated fleet. A {@link TaskCoordinator} with the given
 * allocator and the built-in planner hands out skill steps; each robot runs them through its
 * {@link SimRobotLink}; all on the simulation's fixed step, which is also the coordinator's clock. The
 * manipulator crashes (goes silent) on its first drive to an object after {@code failAfter} seconds.
 */
final class TaskPhase {
    /** How often the coordinator checks heartbeats and pending tasks, simulated seconds. */
    private static final double TICK_SECONDS = 0.5;
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_ATTEMPTS = 5;
    /** Simulated seconds with no task running after which the phase gives up on the tasks left. */
    private static final double STALL_SECONDS = 30;

    /** What happened to one task. */
    record TaskOutcome(Task task, String words, double finishedAfter, double metres, double shortest) {
    }

    /**
     * @param wire          DDS messages between the planner and the robots
     * @param silentOnWire  heartbeats of the crashed robot that reached the planner after it crashed (0: it went
     *                      silent on the wire, and was declared failed from the missing heartbeats)
     */
    record Result(String allocator, List<TaskOutcome> tasks, double seconds, Optional<String> failure,
                  Map<String, List<double[]>> trajectories, World world, RosRobotWire.Counts wire,
                  long silentOnWire, RosMemoryLink.Counts sensors) {
        long done() {
            return tasks.stream().filter(t -> t.task().state() == TaskState.DONE).count();
        }

        /** Sum over tasks of the time from submission to done (a task not done counts the whole phase). */
        double totalTaskSeconds() {
            return tasks.stream().mapToDouble(TaskOutcome::finishedAfter).sum();
        }

        /** The DDS traffic of the run, in words. */
        String wireSummary() {
            return String.format("%d skill commands planner -> robots (%d arrived); %d reports robots -> planner "
                            + "(%d heartbeats and %d outcomes arrived); %d refused; %d heartbeats from the crashed "
                            + "robot after its crash", wire.commandsSent(), wire.commandsReceived(),
                    wire.reportsSent(), wire.heartbeatsReceived(), wire.outcomesReceived(), wire.refused(),
                    silentOnWire) + "; " + sensorSummary(sensors);
        }

        static String sensorSummary(RosMemoryLink.Counts sensors) {
            return String.format("%d messages robots -> memory node (%d handled, %d refused, %d best-effort dropped)",
                    sensors.sent(), sensors.handled(), sensors.rejected(), sensors.dropped());
        }

        long attempts() {
            return tasks.stream().mapToLong(t -> t.task().attempts()).sum();
        }

        /** Success weighted by (shortest path / path driven), averaged over tasks. */
        double spl() {
            return tasks.stream().mapToDouble(t -> t.task().state() != TaskState.DONE ? 0
                    : t.shortest() / Math.max(t.shortest(), Math.max(t.metres(), 1e-9))).average().orElse(0);
        }
    }

    private TaskPhase() {
    }

    static Result run(String label, LociRuntime memory, World world, List<FleetMember> fleet,
                      Map<String, double[]> poses, Timestamp start, Allocator allocator,
                      List<TaskChoice.Chosen> chosen, DemoSettings settings, Consumer<String> say,
                      ProgressLine progress) {
        RosDomain domain = RosRobotWire.randomDomain();
        try (RosRobotWire wire = new RosRobotWire(domain, fleet.stream().map(FleetMember::name).toList());
             RosMemoryLink link = new RosMemoryLink(memory, domain, RosMemoryLink.mounts(fleet, poses, start), start)) {
            say.accept(String.format("%s planner, robots and memory node talk over ROS 2 (ROS_DOMAIN_ID %d)", label,
                    domain.id()));
            return run(label, memory, world, fleet, poses, start, allocator, chosen, settings, say, progress, wire,
                    link);
        }
    }

    private static Result run(String label, LociRuntime memory, World world, List<FleetMember> fleet,
                              Map<String, double[]> poses, Timestamp start, Allocator allocator,
                              List<TaskChoice.Chosen> chosen, DemoSettings settings, Consumer<String> say,
                              ProgressLine progress, RosRobotWire wire, RosMemoryLink link) {
        Simulation simulation = new Simulation(world, settings.dt());
        TimeSource clock = () -> Timestamp.ofNanos(start.nanos() + simulation.time().nanos());
        TaskCoordinator coordinator = new TaskCoordinator(memory, allocator, clock,
                new TaskCoordinator.Settings(HEARTBEAT_TIMEOUT, MAX_ATTEMPTS));
        SensorDigest digest = new SensorDigest();
        FrontierClaims claims = new FrontierClaims();
        Manipulation arm = new Manipulation(world, new Random(settings.seed() + 1));
        Map<String, SimRobotLink> links = new LinkedHashMap<>();
        Map<String, List<double[]>> trajectories = new LinkedHashMap<>();
        for (int i = 0; i < fleet.size(); i++) {
            FleetMember spec = fleet.get(i);
            double[] pose = poses.get(spec.name());
            Robot robot = simulation.add(new Robot(RobotId.of(spec.name()), spec.body(), pose[0], pose[1], pose[2]));
            Perception perception = new Perception(robot, world, DetectorSettings.DEFAULT,
                    settings.seed() * 131 + i, digest);
            TeamMember member = new TeamMember(robot, perception, link, claims, new ArrayList<>());
            links.put(spec.name(), new SimRobotLink(member, link, world, arm, wire.reportsOf(spec.name())));
            trajectories.put(spec.name(), new ArrayList<>());
            link.profile(robot.profile(clock.now()));
        }
        link.read();
        wire.plannerLinks().forEach(coordinator::attach);
        List<Task> submitted = coordinator.submitAll(chosen.stream().map(TaskChoice.Chosen::spec).toList());
        wire.settle(coordinator, links);
        Map<String, String> words = new HashMap<>();
        for (int i = 0; i < submitted.size(); i++) {
            words.put(submitted.get(i).id(), chosen.get(i).words());
        }
        TaskWatch watch = new TaskWatch(label, words, say, robot -> {
            SimRobotLink l = links.get(robot.name());
            return l.silent() ? "went silent" : l.lastFailure();
        });
        Map<String, Double> finishedAt = new HashMap<>();
        Optional<String> failure = Optional.empty();
        long heartbeatsAtCrash = 0;
        double lastRunning = 0;
        int tickEvery = (int) Math.max(1, Math.round(TICK_SECONDS / settings.dt()));
        // robots sense and refresh their profiles right before the coordinator's tick, and memory settles once
        // then: fewer commits, and the coordinator always plans on a settled memory
        int senseEvery = tickEvery;
        while (simulation.seconds() < settings.taskSeconds()) {
            double now = start.seconds() + simulation.seconds();
            Timestamp time = clock.now();
            if (simulation.tick() % senseEvery == 0) {
                for (SimRobotLink robot : links.values()) {
                    if (!robot.silent()) {
                        robot.member().perception().sense(time, link);
                    }
                }
            }
            if (simulation.tick() % (senseEvery * 2L) == 0) {
                for (SimRobotLink robot : links.values()) {
                    if (!robot.silent()) {
                        link.profile(robot.member().robot().profile(time)
                                .withStatus(robot.current().isPresent() ? RobotStatus.BUSY : RobotStatus.IDLE));
                    }
                }
            }
            link.read(); // the coordinator and planner read memory directly: settle what was written first
            if (simulation.tick() % tickEvery == 0) {
                for (RobotId silent : coordinator.tick()) {
                    say.accept(String.format("%s t=%6.1f s  coordinator: %s missed its heartbeats, declared FAILED",
                            label, simulation.seconds(), silent));
                }
            }
            if (failure.isEmpty()) {
                failure = maybeCrash(links.get(FleetMember.FAILING), simulation.seconds(), settings.failAfter());
                failure.ifPresent(what -> say.accept(String.format("%s t=%6.1f s  %s", label, simulation.seconds(),
                        what)));
                if (failure.isPresent()) {
                    heartbeatsAtCrash = wire.heartbeatsFrom(FleetMember.FAILING);
                }
            }
            wire.settle(coordinator, links); // what the coordinator's tick sent reaches the robots before they move
            for (SimRobotLink robot : links.values()) {
                robot.step(now, time);
            }
            wire.settle(coordinator, links); // the robots' reports reach the coordinator, its answers the robots
            watch.update(coordinator.tasks(), simulation.seconds());
            showProgress(progress, coordinator.tasks(), simulation.seconds());
            simulation.step();
            for (SimRobotLink robot : links.values()) {
                trajectories.get(robot.robot().name()).add(new double[] {robot.member().robot().x(),
                        robot.member().robot().y()});
            }
            for (Task task : coordinator.tasks()) {
                if (task.state().finished()) {
                    finishedAt.putIfAbsent(task.id(), simulation.seconds());
                }
            }
            if (coordinator.tasks().stream().allMatch(t -> t.state().finished())) {
                break;
            }
            if (coordinator.tasks().stream().anyMatch(t -> t.state() == TaskState.RUNNING)) {
                lastRunning = simulation.seconds();
            }
            if (nobodyLeft(coordinator.tasks(), links) || simulation.seconds() - lastRunning > STALL_SECONDS) {
                say.accept(String.format("%s t=%6.1f s  stopping: no live robot can do the tasks that are left: %s",
                        label, simulation.seconds(), coordinator.tasks().stream()
                                .filter(t -> t.state() == TaskState.PENDING).map(t -> t.id() + " " + t.reason())
                                .toList()));
                break;
            }
        }
        link.read();
        memory.flush();
        Shortest shortest = new Shortest(world, fleet);
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (Task task : coordinator.tasks()) {
            double metres = 0;
            for (SimRobotLink robot : links.values()) {
                SimRobotLink.Trace trace = robot.traces().get(task.id());
                metres += trace == null ? 0 : trace.metres();
            }
            double best = task.state() == TaskState.DONE ? shortest.of(task, links) : 0;
            outcomes.add(new TaskOutcome(task, words.get(task.id()),
                    finishedAt.getOrDefault(task.id(), simulation.seconds()), metres, best));
        }
        long silentOnWire = failure.isEmpty() ? 0 : wire.heartbeatsFrom(FleetMember.FAILING) - heartbeatsAtCrash;
        return new Result(allocator.name(), outcomes, simulation.seconds(), failure, trajectories, world,
                wire.counts(), silentOnWire, link.counts());
    }

    private static void showProgress(ProgressLine progress, List<Task> tasks, double seconds) {
        long finished = tasks.stream().filter(t -> t.state().finished()).count();
        progress.update((double) finished / Math.max(1, tasks.size()), () -> String.format(
                "%d/%d tasks finished, %d running, t=%.0f s simulated", finished, tasks.size(),
                tasks.stream().filter(t -> t.state() == TaskState.RUNNING).count(), seconds));
    }

    /** Whether no task runs and every pending task has been failed by every robot still alive. */
    private static boolean nobodyLeft(List<Task> tasks, Map<String, SimRobotLink> links) {
        for (Task task : tasks) {
            if (task.state() == TaskState.RUNNING) {
                return false;
            }
            if (task.state() == TaskState.PENDING && links.values().stream()
                    .anyMatch(l -> !l.silent() && !task.excluded().contains(l.robot()))) {
                return false;
            }
        }
        return true;
    }

    /** The manipulator crashes on its first drive to an object (nothing in hand) after {@code after} seconds. */
    private static Optional<String> maybeCrash(SimRobotLink victim, double seconds, double after) {
        if (victim == null || seconds < after || victim.silent()) {
            return Optional.empty();
        }
        boolean driving = victim.current().map(c -> c.step() == 0 && c.skill().skill() == Skill.NAVIGATE_TO)
                .orElse(false);
        if (!driving || victim.member().robot().carrying().isPresent()) {
            return Optional.empty();
        }
        String task = victim.current().get().taskId();
        victim.goSilent();
        return Optional.of(victim.robot() + " CRASHES while driving for " + task
                + ": no more heartbeats, progress or outcomes");
    }
}
