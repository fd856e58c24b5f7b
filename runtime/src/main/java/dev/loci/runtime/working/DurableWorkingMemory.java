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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * The planners' working memory (HiAgent subgoal view), kept durable: just before each commit, the
 * {@link WorkingMemoryState} of each robot with new events is stored in the store's map if it changed (a task or
 * subgoal started or ended), in the same commit as the events, since both are written by the store's single
 * writer. On open each robot's view is restored from its state and the running subgoal's events, read back
 * from the event log. Not thread-safe: the owner serialises calls.
 */
public final class DurableWorkingMemory {
    private final WorkingMemory working;
    private final Map<String, WorkingMemoryState> states;
    /** What was last stored per robot, so the comparison on every event does not read the store. */
    private final Map<RobotId, WorkingMemoryState> lastStored = new HashMap<>();
    /** Robots whose state may have changed since the last commit. */
    private final Set<RobotId> observedSinceCommit = new HashSet<>();

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

    /**
     * Takes the robot's next event. Runs on the writer. Its state is stored by {@link #beforeCommit}: comparing
     * (and storing) it after every event cost a state copy per event and a decode of the map's leaf per change.
     */
    public void observe(StoredEvent stored) {
        working.observe(stored);
        observedSinceCommit.add(stored.event().robot());
    }

    /**
     * Stores the state of every robot observed since the last commit if it changed; runs on the writer just
     * before each commit, so a committed state always matches the committed events.
     */
    public void beforeCommit() {
        for (RobotId robot : observedSinceCommit) {
            Optional<WorkingMemoryState> state = working.state(robot);
            if (state.isPresent() && !state.get().equals(lastStored.get(robot))) {
                states.put(robot.name(), state.get());
                lastStored.put(robot, state.get());
            }
        }
        observedSinceCommit.clear();
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
