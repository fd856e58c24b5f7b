package dev.loci.planner.fleet;

import dev.loci.planner.task.SkillStep;
import dev.loci.spatial.validation.Require;

/** What a robot is told to do: step {@code step} of task {@code taskId}. */
public record SkillCommand(String taskId, int step, SkillStep skill) {
    public SkillCommand {
        Require.name("task_id", taskId);
        Require.nonNegative("step", step);
        Require.present("skill", skill);
    }
}
