package dev.loci.episodic.working;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * What has to be kept of one robot's working memory to restore its view: everything but the running subgoal's
 * events, which are in the event log from {@code runningFromEventId} on (0: nothing running). It changes only
 * when a task or subgoal starts or ends, so the owner stores it then, not on every event.
 *
 * @param finished        the finished subgoals' summaries in the view, oldest first
 * @param omittedSubgoals finished subgoals no longer in the view
 * @param runningName     the running subgoal (empty: none, or events between subgoals)
 */
public record WorkingMemoryState(RobotId robot, String task, Optional<SubgoalOutcome> taskOutcome,
                                 List<SubgoalSummary> finished, int omittedSubgoals, Optional<String> runningName,
                                 long runningFromEventId) {
    public WorkingMemoryState {
        Require.present("robot", robot);
        Require.text("task", task, Require.MAX_TEXT_CHARS);
        Require.present("taskOutcome", taskOutcome);
        finished = List.copyOf(Require.present("finished", finished));
        if (omittedSubgoals < 0) {
            throw new InvalidValueException("omittedSubgoals", omittedSubgoals, "must not be negative");
        }
        Require.present("runningName", runningName);
        if (runningFromEventId < 0) {
            throw new InvalidValueException("runningFromEventId", runningFromEventId, "must not be negative");
        }
    }
}
