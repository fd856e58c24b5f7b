package dev.loci.ros.robot;

import dev.loci.planner.fleet.RobotReports;
import dev.loci.planner.fleet.SkillCommand;
import dev.loci.planner.fleet.StepOutcome;
import dev.loci.planner.task.Skill;
import dev.loci.planner.task.SkillStep;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Optional;
import loci_msgs.msg.dds.Heartbeat;
import loci_msgs.msg.dds.SkillOutcome;
import std_msgs.msg.dds.Header;

/**
 * The planner bridge's commands and reports as loci_msgs SkillCommand, SkillOutcome and Heartbeat: what goes
 * into a message and what is read back, refusing (with the field named) what a peer sent past the .msg bounds
 * or with values the planner bridge does not take.
 */
final class SkillWire {
    static final String EXECUTE = "execute";
    static final String CANCEL = "cancel";

    /** A command as the robot side reads it: a step to start, or a task to stop. */
    record Command(long seq, Optional<SkillCommand> execute, String cancelTask) {
    }

    /** A report as the planner side reads it, applied to the planner's {@link RobotReports} in send order. */
    sealed interface Report permits Alive, Progress, Outcome {
        void applyTo(RobotReports reports);
    }

    record Alive(RobotId robot) implements Report {
        public void applyTo(RobotReports reports) {
            reports.heartbeat(robot);
        }
    }

    record Progress(RobotId robot, String taskId, int step, double fraction) implements Report {
        public void applyTo(RobotReports reports) {
            reports.progress(robot, taskId, step, fraction);
        }
    }

    record Outcome(StepOutcome outcome) implements Report {
        public void applyTo(RobotReports reports) {
            reports.outcome(outcome);
        }
    }

    private SkillWire() {
    }

    static void fillExecute(loci_msgs.msg.dds.SkillCommand m, long seq, RobotId robot, SkillCommand command) {
        header(m.getHeader());
        m.setSeq(seq);
        m.setRobot(robot.name());
        m.setKind(EXECUTE);
        m.setTaskId(command.taskId());
        m.setStep(command.step());
        SkillStep skill = command.skill();
        m.setSkill(skill.skill().wireName());
        m.getTarget().set(skill.target().x(), skill.target().y(), skill.target().z());
        m.setObjectId(skill.objectId().orElse(0L));
        m.setObjectClass(skill.objectClass().orElse(""));
    }

    static void fillCancel(loci_msgs.msg.dds.SkillCommand m, long seq, RobotId robot, String taskId) {
        header(m.getHeader());
        m.setSeq(seq);
        m.setRobot(robot.name());
        m.setKind(CANCEL);
        m.setTaskId(taskId);
    }

    static Command command(loci_msgs.msg.dds.SkillCommand m, RobotId robot) {
        checkRobot(m.getRobotAsString(), robot);
        bound("kind", m.getKind(), 16);
        bound("task_id", m.getTaskId(), 64);
        bound("skill", m.getSkill(), 16);
        bound("object_class", m.getObjectClass(), 64);
        String taskId = m.getTaskIdAsString();
        switch (m.getKindAsString()) {
            case CANCEL -> {
                Require.name("task_id", taskId);
                return new Command(m.getSeq(), Optional.empty(), taskId);
            }
            case EXECUTE -> {
                Vec3 target = new Vec3(m.getTarget().getX(), m.getTarget().getY(), m.getTarget().getZ());
                SkillStep step = new SkillStep(Skill.parse(m.getSkillAsString()), target,
                        m.getObjectId() == 0 ? Optional.empty() : Optional.of(m.getObjectId()),
                        m.getObjectClassAsString().isEmpty() ? Optional.empty()
                                : Optional.of(m.getObjectClassAsString()));
                return new Command(m.getSeq(), Optional.of(new SkillCommand(taskId, step(m.getStep()), step)), "");
            }
            default -> throw new InvalidValueException("kind", m.getKindAsString(), "must be execute or cancel");
        }
    }

    static void fillHeartbeat(Heartbeat m, long seq, RobotId robot, String taskId, int step, double progress) {
        header(m.getHeader());
        m.setSeq(seq);
        m.setRobot(robot.name());
        m.setTaskId(taskId);
        m.setStep(step);
        m.setProgress(progress);
    }

    static Report heartbeat(Heartbeat m, RobotId robot) {
        checkRobot(m.getRobotAsString(), robot);
        bound("task_id", m.getTaskId(), 64);
        if (m.getTaskIdAsString().isEmpty()) {
            return new Alive(robot);
        }
        double progress = m.getProgress();
        if (!(progress >= 0 && progress <= 1)) {
            throw new InvalidValueException("progress", progress, "must be in [0, 1]");
        }
        return new Progress(robot, Require.name("task_id", m.getTaskIdAsString()), step(m.getStep()), progress);
    }

    static void fillOutcome(SkillOutcome m, long seq, StepOutcome outcome) {
        header(m.getHeader());
        m.setSeq(seq);
        m.setRobot(outcome.robot().name());
        m.setTaskId(outcome.taskId());
        m.setStep(outcome.step());
        m.setSucceeded(outcome.succeeded());
        m.setDetail(outcome.detail());
    }

    static Report outcome(SkillOutcome m, RobotId robot) {
        checkRobot(m.getRobotAsString(), robot);
        bound("task_id", m.getTaskId(), 64);
        bound("detail", m.getDetail(), 1024);
        return new Outcome(new StepOutcome(robot, m.getTaskIdAsString(), step(m.getStep()), m.getSucceeded(),
                m.getDetailAsString()));
    }

    private static int step(long step) {
        if (step > Integer.MAX_VALUE) {
            throw new InvalidValueException("step", step, "is larger than " + Integer.MAX_VALUE);
        }
        return (int) step;
    }

    private static void checkRobot(String named, RobotId robot) {
        if (!named.equals(robot.name())) {
            throw new InvalidValueException("robot", named.length() > 64 ? named.substring(0, 64) + "..." : named,
                    "differs from " + robot + ", whose topic this is");
        }
    }

    /** A peer that does not check the .msg bounds can still send past them; the reader does not refuse. */
    private static void bound(String field, CharSequence value, int max) {
        if (value.length() > max) {
            throw new InvalidValueException(field, value.length() + " characters", "is longer than " + max);
        }
    }

    private static void header(Header header) {
        long nanos = System.currentTimeMillis() * 1_000_000L;
        header.getStamp().setSec((int) (nanos / 1_000_000_000L));
        header.getStamp().setNanosec(nanos % 1_000_000_000L);
        header.setFrameId("map");
    }
}
