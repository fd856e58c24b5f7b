package dev.loci.planner.task;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * How one robot will do a task: its skills in order, and what memory predicts it costs.
 *
 * @param objectId         the remembered object memory chose as the target, if the task is about an object
 * @param travelMeters     path length over all navigation, from the robot's pose
 * @param estimatedSeconds driving at the robot's top speed plus each skill's time on the spot
 */
public record Plan(RobotId robot, List<SkillStep> steps, Optional<Long> objectId, double travelMeters,
                   double estimatedSeconds) {
    public static final int MAX_STEPS = 8;

    public Plan {
        Require.present("robot", robot);
        Require.atMost("steps", steps, MAX_STEPS);
        if (steps.isEmpty()) {
            throw new InvalidValueException("steps", "[]", "must hold at least one step");
        }
        steps = List.copyOf(steps);
        Require.present("objectId", objectId);
        Require.nonNegative("travelMeters", travelMeters);
        Require.nonNegative("estimatedSeconds", estimatedSeconds);
    }
}
