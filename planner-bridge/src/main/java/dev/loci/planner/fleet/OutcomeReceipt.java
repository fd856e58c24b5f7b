package dev.loci.planner.fleet;

import dev.loci.planner.task.TaskState;
import dev.loci.spatial.validation.Require;

/** What became of a reported outcome: accepted (and the task's state after it), or ignored and why. */
public record OutcomeReceipt(boolean accepted, TaskState taskState, String note) {
    public OutcomeReceipt {
        Require.present("taskState", taskState);
        Require.present("note", note);
    }
}
