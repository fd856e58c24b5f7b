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

/**
 * A fake of one robot's hardware and local controllers: each {@link #step} it heartbeats and finishes the skill
 * it was given. Like a real robot, it fails skills its body lacks; a test can script more failures, or make it
 * go silent (a crash or a lost link).
 */
final class ScriptedRobotFake implements RobotLink {
    private final RobotProfile body;
    private final RobotReports reports;
    private final Deque<SkillCommand> pending = new ArrayDeque<>();
    private final List<SkillCommand> done = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();
    private final Map<Skill, String> scriptedFailures = new EnumMap<>(Skill.class);
    private boolean silent;

    ScriptedRobotFake(RobotProfile body, RobotReports reports) {
        this.body = body;
        this.reports = reports;
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
        cancelled.add(taskId);
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
        SkillCommand command = pending.poll();
        if (command == null) {
            return;
        }
        Skill skill = command.skill().skill();
        if (!skill.doableBy(body)) {
            reports.outcome(StepOutcome.failed(body.id(), command.taskId(), command.step(),
                    "this body cannot " + skill.wireName()));
        } else if (scriptedFailures.containsKey(skill)) {
            reports.outcome(StepOutcome.failed(body.id(), command.taskId(), command.step(),
                    scriptedFailures.get(skill)));
        } else {
            done.add(command);
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
        return !pending.isEmpty();
    }
}
