package dev.loci.episodic.working;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;

/**
 * A finished subgoal as planners see it once its detail is gone: what it was, how it ended, where and what it
 * involved, and the deterministic summary text. Derived from events {@code firstEventId..lastEventId} of the
 * robot.
 */
public record SubgoalSummary(RobotId robot, String task, String subgoal, SubgoalOutcome outcome, Timestamp start,
                             Timestamp end, int eventCount, long firstEventId, long lastEventId, List<String> places,
                             List<Long> objects, String summary) {
    public SubgoalSummary {
        Require.present("robot", robot);
        Require.text("task", task, Require.MAX_TEXT_CHARS);
        Require.text("subgoal", subgoal, Require.MAX_TEXT_CHARS);
        Require.present("outcome", outcome);
        Require.present("start", start);
        Require.present("end", end);
        if (eventCount < 1) {
            throw new InvalidValueException("eventCount", eventCount, "must be at least 1");
        }
        if (lastEventId < firstEventId) {
            throw new InvalidValueException("lastEventId", lastEventId, "is before firstEventId " + firstEventId);
        }
        places = List.copyOf(places);
        objects = List.copyOf(objects);
        Require.text("summary", summary, Require.MAX_TEXT_CHARS);
    }
}
