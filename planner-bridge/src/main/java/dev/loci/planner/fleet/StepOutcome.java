package dev.loci.planner.fleet;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/** A robot's report on a step it was given: whether it succeeded, and what it has to say (free text). */
public record StepOutcome(RobotId robot, String taskId, int step, boolean succeeded, String detail) {
    public static final int MAX_DETAIL_CHARS = 1024;

    public StepOutcome {
        Require.present("robot", robot);
        Require.name("task_id", taskId);
        Require.nonNegative("step", step);
        Require.present("detail", detail);
        if (detail.length() > MAX_DETAIL_CHARS) {
            throw new InvalidValueException("detail", detail, "is longer than " + MAX_DETAIL_CHARS + " characters");
        }
    }

    public static StepOutcome succeeded(RobotId robot, String taskId, int step) {
        return new StepOutcome(robot, taskId, step, true, "");
    }

    public static StepOutcome failed(RobotId robot, String taskId, int step, String why) {
        return new StepOutcome(robot, taskId, step, false, why);
    }
}
