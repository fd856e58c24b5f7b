package dev.loci.planner.fleet;

import dev.loci.planner.task.Skill;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.provenance.RobotId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import dev.loci.spatial.geometry.Vec3;

/**
 * A fake of one robot's hardware and local controllers: each {@link #step} it heartbeats and finishes the skill
 * it was given. Like a real robot, it fails skills its body lacks and picks above its reach; a test can script
 * more failures, or make it
 * go silent (a crash or a lost link).
 */
final class ScriptedRobotFake implements RobotLink {
    private final RobotProfile body;
    private final RobotReports reports;
    private final Deque<SkillCommand> pending = new ArrayDeque<>();
    private final List<SkillCommand> done = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();
    private final Map<Skill, String> scriptedFailures = new EnumMap<>(Skill.class);
    private final ToDoubleBiFunction<Vec3, Vec3> travelMeters;
    private Vec3 position;
    private SkillCommand current;
    private double secondsLeft;
    private boolean silent;

    /** A robot that finishes each skill within the period it gets it. */
    ScriptedRobotFake(RobotProfile body, RobotReports reports) {
        this(body, reports, null);
    }

    /**
     * A robot whose skills take time: driving {@code travelMeters} at its top speed, other skills their
     * {@link Skill#fixedSeconds}; each {@link #step} is one second.
     */
    ScriptedRobotFake(RobotProfile body, RobotReports reports, ToDoubleBiFunction<Vec3, Vec3> travelMeters) {
        this.body = body;
        this.reports = reports;
        this.travelMeters = travelMeters;
        this.position = body.pose().position();
    }

    @Override
    public RobotId robot() {
        return body.id();
    }

    @Override
    public void execute(SkillCommand command) {
        pending.add(command);
    }

    @Override
    public void cancel(String taskId) {
        pending.removeIf(c -> c.taskId().equals(taskId));
        if (current != null && current.taskId().equals(taskId)) {
            current = null;
        }
        cancelled.add(taskId);
    }

    private double duration(SkillCommand command) {
        if (travelMeters == null) {
            return 0;
        }
        Skill skill = command.skill().skill();
        if (skill == Skill.NAVIGATE_TO || skill == Skill.EXPLORE) {
            return travelMeters.applyAsDouble(position, command.skill().target()) / body.maxSpeed()
                    + (skill == Skill.EXPLORE ? skill.fixedSeconds() : 0);
        }
        return skill.fixedSeconds();
    }

    void failAlways(Skill skill, String why) {
        scriptedFailures.put(skill, why);
    }

    void goSilent() {
        silent = true;
    }

    /** One control period: heartbeat, and the outcome of the skill in hand. */
    void step() {
        if (silent) {
            return;
        }
        reports.heartbeat(body.id());
        if (current == null) {
            current = pending.poll();
            if (current == null) {
                return;
            }
            secondsLeft = duration(current);
        }
        secondsLeft -= 1;
        if (secondsLeft > 0) {
            return;
        }
        SkillCommand command = current;
        current = null;
        Skill skill = command.skill().skill();
        if (!skill.doableBy(body)) {
            reports.outcome(StepOutcome.failed(body.id(), command.taskId(), command.step(),
                    "this body cannot " + skill.wireName()));
        } else if (skill == Skill.PICK && command.skill().target().z() > body.reachHeight()) {
            reports.outcome(StepOutcome.failed(body.id(), command.taskId(), command.step(),
                    "the object is above this body's reach"));
        } else if (scriptedFailures.containsKey(skill)) {
            reports.outcome(StepOutcome.failed(body.id(), command.taskId(), command.step(),
                    scriptedFailures.get(skill)));
        } else {
            done.add(command);
            if (skill == Skill.NAVIGATE_TO || skill == Skill.EXPLORE) {
                position = command.skill().target();
            }
            reports.outcome(StepOutcome.succeeded(body.id(), command.taskId(), command.step()));
        }
    }

    List<SkillCommand> done() {
        return done;
    }

    List<String> cancelled() {
        return cancelled;
    }

    boolean busy() {
        return current != null || !pending.isEmpty();
    }
}
