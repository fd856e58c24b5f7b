package dev.loci.planner.task;

/**
 * Where a task is in its life. PENDING -> RUNNING -> DONE, or back to PENDING when its robot fails or a step
 * fails (while attempts remain), or FAILED when no attempts remain or nothing in memory can do it.
 */
public enum TaskState {
    PENDING,
    RUNNING,
    DONE,
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
