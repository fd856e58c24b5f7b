package dev.loci.runtime.working;

import dev.loci.episodic.chunk.EventTrace;
import dev.loci.episodic.event.EventLog;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.working.WorkingMemory;
import dev.loci.episodic.working.WorkingMemoryState;
import dev.loci.episodic.working.WorkingMemoryView;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The planners' working memory (HiAgent subgoal view), kept durable: after each event the robot's
 * {@link WorkingMemoryState} is stored in the store's map when it changed (a task or subgoal started or ended),
 * in the same commit as the event, since both are written by the store's single writer. On open each robot's
 * view is restored from its state and the running subgoal's events, read back from the event log. Not
 * thread-safe: the owner serialises calls.
 */
public final class DurableWorkingMemory {
    private final WorkingMemory working;
    private final Map<String, WorkingMemoryState> states;
    /** What was last stored per robot, so the comparison on every event does not read the store. */
    private final Map<RobotId, WorkingMemoryState> lastStored = new HashMap<>();

    /** Restores every stored robot's view from {@code states}, {@code traces} and {@code events}. */
    public DurableWorkingMemory(WorkingMemory working, Map<String, WorkingMemoryState> states,
                                NavigableMap<Long, EventTrace> traces, EventLog events) {
        this.working = working;
        this.states = states;
        for (WorkingMemoryState state : List.copyOf(states.values())) {
            working.restore(state, running(state, traces, events));
            lastStored.put(state.robot(), state);
        }
    }

    /** Takes the robot's next event and stores its state if the event changed it. Runs on the writer. */
    public void observe(StoredEvent stored) {
        working.observe(stored);
        RobotId robot = stored.event().robot();
        Optional<WorkingMemoryState> state = working.state(robot);
        if (state.isPresent() && !state.get().equals(lastStored.get(robot))) {
            states.put(robot.name(), state.get());
            lastStored.put(robot, state.get());
        }
    }

    public Optional<WorkingMemoryView> view(RobotId robot) {
        return working.view(robot);
    }

    private static List<StoredEvent> running(WorkingMemoryState state, NavigableMap<Long, EventTrace> traces,
                                             EventLog events) {
        long from = state.runningFromEventId();
        EventTrace first = from == 0 ? null : traces.get(from);
        if (first == null) {
            return List.of();
        }
        EventQuery query = EventQuery.window(first.time(), new Timestamp(Long.MAX_VALUE)).ofRobot(state.robot())
                .limit(EventQuery.MAX_LIMIT);
        return events.query(query).stream().filter(e -> e.id() >= from).toList();
    }
}
