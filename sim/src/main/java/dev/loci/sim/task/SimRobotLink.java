package dev.loci.sim.task;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.planner.fleet.RobotLink;
import dev.loci.planner.fleet.RobotReports;
import dev.loci.planner.fleet.SkillCommand;
import dev.loci.planner.fleet.StepOutcome;
import dev.loci.planner.task.SkillStep;
import dev.loci.sim.MemoryLink;
import dev.loci.sim.nav.NavStatus;
import dev.loci.sim.robot.Manipulation;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The planner bridge's link to one simulated robot: runs the skill steps a
 * {@link dev.loci.planner.fleet.TaskCoordinator} sends ({@code navigate_to}, {@code search}, {@code pick},
 * {@code place}, {@code explore}) with the robot's navigator, detector and arm, and reports heartbeats, progress
 * and outcomes back. {@link #step} is called once per simulation tick, before the world steps; {@link #goSilent}
 * simulates a crashed robot (it stops, and says nothing more).
 *
 * <p>A pick or place that the planner's stand point leaves just out of arm's reach first moves closer (the
 * planner plans on memory's map, the arm works on the true world); one the body cannot do fails with the arm's
 * reason, which the coordinator turns into a reallocation.
 */
public final class SimRobotLink implements RobotLink {
    private enum Phase { START, MOVING, RECOVER, CLOSER, LOOK }

    private static final double ARRIVE = 0.15;
    private static final double CLOSE_ENOUGH = 0.8;
    private static final double LOOK_SECONDS = 6;
    private static final double SEEN_WITHIN = 1.0;
    private static final double SAME_OBJECT = 0.6;
    private static final double HEARTBEAT_SECONDS = 0.5;
    private static final double RECOVER_SECONDS = 1.5;
    private static final int MAX_RECOVERIES = 3;

    /**
     * Where a robot stood when it started a task's last attempt and when it picked (for shortest-path scoring),
     * and the metres it drove on the task.
     */
    public record Trace(double startX, double startY, Optional<double[]> pickedAt, double metres) {
    }

    private final TeamMember member;
    private final MemoryLink memory;
    private final World world;
    private final Manipulation arm;
    private final RobotReports reports;
    private final Map<String, Trace> traces = new TreeMap<>();
    private SkillCommand current;
    private Phase phase = Phase.START;
    private double phaseSince;
    private int recoveries;
    private boolean movedCloser;
    private boolean silent;
    private double lastReport = Double.NEGATIVE_INFINITY;
    private double lastTravelled;
    private String drivingFor;
    private String lastDetail = "";
    private String lastFailure = "";

    public SimRobotLink(TeamMember member, MemoryLink memory, World world, Manipulation arm, RobotReports reports) {
        this.member = member;
        this.memory = memory;
        this.world = world;
        this.arm = arm;
        this.reports = reports;
        this.lastTravelled = member.robot().travelled();
    }

    @Override
    public RobotId robot() {
        return member.robot().id();
    }

    public TeamMember member() {
        return member;
    }

    @Override
    public void execute(SkillCommand command) {
        if (silent) {
            return;
        }
        if (command.step() == 0) {
            Robot robot = member.robot();
            Trace before = traces.get(command.taskId());
            traces.put(command.taskId(), new Trace(robot.x(), robot.y(), Optional.empty(),
                    before == null ? 0 : before.metres()));
        }
        current = command;
        phase = Phase.START;
        recoveries = 0;
        movedCloser = false;
    }

    @Override
    public void cancel(String taskId) {
        if (current != null && current.taskId().equals(taskId)) {
            current = null;
            member.navigator().cancel();
        }
    }

    /** The robot crashes: it stops where it is and sends no more heartbeats, progress or outcomes. */
    public void goSilent() {
        silent = true;
        current = null;
        member.navigator().cancel();
    }

    public boolean silent() {
        return silent;
    }

    /** The step the robot is running, if any. */
    public Optional<SkillCommand> current() {
        return Optional.ofNullable(current);
    }

    /** Per task this robot worked on: where it started the last attempt, where it picked, metres driven. */
    public Map<String, Trace> traces() {
        return java.util.Collections.unmodifiableMap(traces);
    }

    /** One control step at simulated time {@code now} (seconds) / {@code time}. */
    public void step(double now, Timestamp time) {
        Robot robot = member.robot();
        account();
        if (silent) {
            robot.stop();
            return;
        }
        if (now - lastReport >= HEARTBEAT_SECONDS) {
            lastReport = now;
            if (current != null) {
                reports.progress(robot.id(), current.taskId(), current.step(), 0.5);
            } else {
                reports.heartbeat(robot.id());
            }
        }
        if (current == null) {
            robot.stop();
            return;
        }
        SkillCommand running = current;
        drivingFor = running.taskId();
        switch (running.skill().skill()) {
            case NAVIGATE_TO, EXPLORE -> navigate(running, now);
            case SEARCH -> search(running, now);
            case PICK -> pick(running, now, time);
            case PLACE -> place(running, now, time);
        }
    }

    private void account() {
        double travelled = member.robot().travelled();
        if (drivingFor != null && traces.containsKey(drivingFor)) {
            Trace t = traces.get(drivingFor);
            traces.put(drivingFor, new Trace(t.startX(), t.startY(), t.pickedAt(),
                    t.metres() + travelled - lastTravelled));
        }
        lastTravelled = travelled;
        drivingFor = null;
    }

    private void navigate(SkillCommand running, double now) {
        Vec3 target = flat(running.skill().target());
        switch (phase) {
            case START -> {
                member.navigator().goTo(target, ARRIVE, now);
                phase = Phase.MOVING;
            }
            case RECOVER -> {
                Robot robot = member.robot();
                robot.command(-robot.body().maxSpeed() / 2, 0.6); // back off what it is pressed against
                if (now - phaseSince > RECOVER_SECONDS) {
                    member.navigator().goTo(member.navigator().goal().orElse(target), ARRIVE, now);
                    phase = Phase.MOVING;
                }
            }
            default -> {
                NavStatus status = member.navigator().step(now);
                if (status == NavStatus.ARRIVED) {
                    succeed(running, String.format("at (%.2f, %.2f)", member.robot().x(), member.robot().y()));
                } else if ((status == NavStatus.STUCK || status == NavStatus.UNREACHABLE)
                        && Math.hypot(target.x() - member.robot().x(), target.y() - member.robot().y()) <= CLOSE_ENOUGH) {
                    // the next step (pick, place, search) moves closer itself if it has to
                    succeed(running, String.format("near (%.2f, %.2f)", member.robot().x(), member.robot().y()));
                } else if (status == NavStatus.STUCK || status == NavStatus.UNREACHABLE) {
                    if (status == NavStatus.UNREACHABLE && !movedCloser && standBeside(target, now)) {
                        return;
                    }
                    if (recoveries < MAX_RECOVERIES) {
                        // pressed against furniture, or standing where memory's inflated map says no robot fits
                        recoveries++;
                        phase = Phase.RECOVER;
                        phaseSince = now;
                        return;
                    }
                    if (!movedCloser && standBeside(target, now)) {
                        recoveries = 0;
                        return;
                    }
                    fail(running, status.toString().toLowerCase(java.util.Locale.ROOT) + " on the way to "
                            + fmt(target));
                }
            }
        }
    }

    /**
     * Memory's planner may name a goal on or against furniture (it snaps goals to free cells, the navigator only
     * nudges them a little): drive to the best point on rings around it instead. False if there is none.
     */
    private boolean standBeside(Vec3 target, double now) {
        movedCloser = true;
        Optional<Approach.Plan> plan = Approach.plan(member.navigator().planner(), member.robot(), target);
        plan.ifPresent(p -> member.navigator().goTo(p.standAt(), ARRIVE, now));
        return plan.isPresent();
    }

    private void search(SkillCommand running, double now) {
        SkillStep step = running.skill();
        Robot robot = member.robot();
        if (phase == Phase.START) {
            phase = Phase.LOOK;
            phaseSince = now;
        }
        String label = step.objectClass().orElse("");
        Vec3 target = step.target();
        Optional<Vec3> seen = seen(label, target);
        if (seen.isPresent()) {
            robot.stop();
            succeed(running, "saw " + label + " at " + fmt(seen.get()));
            return;
        }
        if (now - phaseSince > LOOK_SECONDS) {
            fail(running, "no " + label + " seen near " + fmt(target));
            return;
        }
        double error = Robot.normalize(Math.atan2(target.y() - robot.y(), target.x() - robot.x()) - robot.yaw());
        robot.command(0, 2.5 * error);
    }

    private void pick(SkillCommand running, double now, Timestamp time) {
        SkillStep step = running.skill();
        Robot robot = member.robot();
        if (phase == Phase.CLOSER) {
            if (!closer(now)) {
                return;
            }
        }
        Optional<Solid> object = world.objects().stream()
                .filter(o -> step.objectClass().map(o.label()::equals).orElse(true))
                .filter(o -> o.center().distanceTo(step.target()) < SAME_OBJECT)
                .min(Comparator.comparingDouble(o -> o.center().distanceTo(step.target())));
        if (object.isEmpty()) {
            fail(running, "no " + step.objectClass().orElse("object") + " at " + fmt(step.target()));
            return;
        }
        Optional<String> problem = arm.pickProblem(robot, object.get());
        if (problem.isEmpty() && arm.pick(robot, object.get())) {
            Trace t = traces.get(running.taskId());
            if (t != null) {
                traces.put(running.taskId(), new Trace(t.startX(), t.startY(),
                        Optional.of(new double[] {robot.x(), robot.y()}), t.metres()));
            }
            record(time, "picked " + object.get().label(), object.get().center(), running.taskId());
            succeed(running, "picked " + object.get().name());
            return;
        }
        String why = problem.orElse("pick failed");
        if (why.endsWith("out of reach") && !movedCloser) {
            Optional<Approach.Plan> plan = Approach.plan(member.navigator().planner(), robot, object.get().center());
            if (plan.isPresent()) {
                moveCloser(plan.get().standAt(), now);
                return;
            }
        }
        fail(running, why);
    }

    private void place(SkillCommand running, double now, Timestamp time) {
        SkillStep step = running.skill();
        Robot robot = member.robot();
        if (phase == Phase.CLOSER) {
            if (!closer(now)) {
                return;
            }
        }
        Optional<Solid> furniture = world.furniture().stream()
                .min(Comparator.comparingDouble(f -> horizontal(f, step.target())));
        if (robot.carrying().isEmpty() || furniture.isEmpty()) {
            fail(running, robot.carrying().isEmpty() ? robot.id() + " carries nothing" : "no furniture to place on");
            return;
        }
        Solid held = world.solids().get(robot.carrying().get());
        if (arm.place(robot, furniture.get())) {
            robot.stop();
            record(time, "placed " + held.label() + " on " + furniture.get().name(), held.center(), running.taskId());
            succeed(running, "placed " + held.name() + " on " + furniture.get().name());
            return;
        }
        if (!movedCloser) {
            Optional<Approach.Plan> plan = Approach.planBeside(member.navigator().planner(), robot,
                    furniture.get().box(), robot.body().footprintRadius() + 0.3);
            if (plan.isPresent()) {
                moveCloser(plan.get().standAt(), now);
                return;
            }
        }
        fail(running, furniture.get().name() + " is out of reach from " + fmt(robot.position()));
    }

    private void moveCloser(Vec3 standAt, double now) {
        movedCloser = true;
        member.navigator().goTo(standAt, 0.1, now);
        phase = Phase.CLOSER;
    }

    /** Drives the move closer; true once it ended (arrived or gave up), so the arm can try again. */
    private boolean closer(double now) {
        NavStatus status = member.navigator().step(now);
        if (status == NavStatus.MOVING) {
            return false;
        }
        member.robot().stop();
        phase = Phase.START;
        return true;
    }

    private Optional<Vec3> seen(String label, Vec3 target) {
        SensorFrame frame = member.perception().lastFrame();
        if (frame == null) {
            return Optional.empty();
        }
        return frame.observations().stream().filter(o -> o.label().equals(label)).map(o -> o.box().center())
                .filter(p -> p.distanceTo(target) < SEEN_WITHIN)
                .min(Comparator.comparingDouble(p -> p.distanceTo(target)));
    }

    private void succeed(SkillCommand running, String detail) {
        lastDetail = detail;
        finish(new StepOutcome(robot(), running.taskId(), running.step(), true, detail), running);
    }

    private void fail(SkillCommand running, String why) {
        member.robot().stop();
        String detail = why.length() > 200 ? why.substring(0, 200) : why;
        lastFailure = detail;
        finish(StepOutcome.failed(robot(), running.taskId(), running.step(), detail), running);
    }

    /** Why the last step that failed on this robot failed (for progress displays). */
    public String lastFailure() {
        return lastFailure;
    }

    /** What the last successful step reported (for progress displays). */
    public String lastDetail() {
        return lastDetail;
    }

    private void finish(StepOutcome outcome, SkillCommand running) {
        if (current == running) {
            current = null; // the coordinator may send the next step from inside outcome()
        }
        reports.outcome(outcome);
    }

    private void record(Timestamp time, String what, Vec3 where, String taskId) {
        memory.event(new Event(robot(), time, EventType.ACTION, "sim.skill", what,
                new TreeMap<>(Map.of("task", taskId)), Optional.of(where),
                List.of()));
    }

    private static double horizontal(Solid furniture, Vec3 p) {
        var b = furniture.box();
        double cx = Math.max(b.min().x(), Math.min(p.x(), b.max().x()));
        double cy = Math.max(b.min().y(), Math.min(p.y(), b.max().y()));
        return Math.hypot(p.x() - cx, p.y() - cy);
    }

    private static Vec3 flat(Vec3 p) {
        return new Vec3(p.x(), p.y(), 0);
    }

    private static String fmt(Vec3 v) {
        return String.format("(%.2f, %.2f, %.2f)", v.x(), v.y(), v.z());
    }
}
