package dev.loci.planner.allocation;

import dev.loci.planner.task.TaskSpec;
import dev.loci.runtime.embodiment.RobotProfile;
import java.util.List;

/** Chooses which of the free robots does a task. Must be deterministic: same memory, same answer. */
public interface Allocator {
    /** @param free robots with no task of their own, not excluded from this task */
    Allocation allocate(TaskSpec spec, List<RobotProfile> free);

    /** A short name for reports ("embodiment", "nearest"). */
    String name();
}
