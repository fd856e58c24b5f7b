package dev.loci.episodic.working;

import dev.loci.episodic.chunk.TimeText;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.provenance.RobotId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a planner receives about a robot's current task: the summaries of the subgoals it has finished (their
 * events are gone from the view) and the events of the subgoal it is working on, both bounded.
 *
 * @param taskOutcome      empty while the task runs
 * @param finished         the latest finished subgoals, oldest first
 * @param omittedSubgoals  finished subgoals older than those
 * @param currentSubgoal   the running subgoal, empty when none runs (between subgoals, or the task ended)
 * @param currentEvents    the running subgoal's latest events, oldest first (events between subgoals too)
 * @param omittedEvents    its events older than those
 */
public record WorkingMemoryView(RobotId robot, String task, Optional<SubgoalOutcome> taskOutcome,
                                List<SubgoalSummary> finished, int omittedSubgoals, Optional<String> currentSubgoal,
                                List<StoredEvent> currentEvents, int omittedEvents) {
    public WorkingMemoryView {
        finished = List.copyOf(finished);
        currentEvents = List.copyOf(currentEvents);
    }

    /** The view as text for a language-model planner; its size is bounded by the view's bounds. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Task: ").append(task).append(" (")
                .append(taskOutcome.map(SubgoalOutcome::text).orElse("running")).append(")\n");
        if (!finished.isEmpty() || omittedSubgoals > 0) {
            text.append("Done so far");
            if (omittedSubgoals > 0) {
                text.append(" (").append(omittedSubgoals).append(" earlier subgoals omitted)");
            }
            text.append(":\n");
            for (SubgoalSummary done : finished) {
                text.append("- ").append(done.summary()).append('\n');
            }
        }
        text.append("Now: ").append(currentSubgoal.orElse("no subgoal running"));
        if (!currentEvents.isEmpty()) {
            text.append(" (").append(currentEvents.size() + omittedEvents).append(" events");
            if (omittedEvents > 0) {
                text.append(", ").append(omittedEvents).append(" earlier omitted");
            }
            text.append(")");
        }
        text.append('\n');
        for (StoredEvent e : currentEvents) {
            text.append("- ").append(TimeText.of(e.event().time())).append(' ')
                    .append(e.event().type().name().toLowerCase(Locale.ROOT)).append(": ")
                    .append(e.event().description()).append('\n');
        }
        return text.toString();
    }
}
