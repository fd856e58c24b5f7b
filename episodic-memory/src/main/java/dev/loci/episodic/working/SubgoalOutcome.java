package dev.loci.episodic.working;

/** How a subgoal ended. */
public enum SubgoalOutcome {
    /** A TASK_FINISHED event (of the subgoal, or of its task while it ran). */
    FINISHED,
    /** A TASK_FAILED event (of the subgoal, or of its task while it ran). */
    FAILED,
    /** Another subgoal (or task) began before it ended. */
    SUPERSEDED;

    String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
