package dev.loci.episodic.working;

import dev.loci.episodic.chunk.Digest;
import dev.loci.episodic.chunk.SummaryWriter;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subgoals as chunks of working memory (HiAgent), per robot: while a subgoal runs, the robot's events group
 * under it; when it ends, its events leave the planner's view and its summary takes their place. The view is
 * the current task's finished-subgoal summaries plus the running subgoal's events, both bounded.
 *
 * <p>Driven by events ({@link #observe}), read through {@link AttributeKeys task and subgoal attributes}:
 * <ul>
 *   <li>TASK_STARTED without a subgoal attribute starts a task (its task attribute, else its description),
 *       replacing the robot's previous task view;</li>
 *   <li>an event naming a subgoal other than the running one ends the running one as SUPERSEDED and starts
 *       it (a TASK_STARTED naming a subgoal does the same);</li>
 *   <li>TASK_FINISHED / TASK_FAILED naming the running subgoal end it; without a subgoal attribute they end the
 *       task, and the running subgoal with the same outcome;</li>
 *   <li>an event naming another task starts that task;</li>
 *   <li>anything else joins the running subgoal (or the events between subgoals).</li>
 * </ul>
 * Events between subgoals are summarised as a subgoal named {@value #BETWEEN} when the next subgoal starts.
 *
 * <p>Durable through its owner: {@link #state} is what to store (it changes only at task and subgoal
 * boundaries), and {@link #restore} rebuilds a robot's view from it and the running subgoal's events. Not
 * thread-safe: the owner serialises calls.
 */
public final class WorkingMemory {
    static final String BETWEEN = "between subgoals";

    private final WorkingMemorySettings settings;
    private final SummaryWriter writer;
    private final Map<RobotId, TaskContext> robots = new HashMap<>();

    public WorkingMemory(WorkingMemorySettings settings, SummaryWriter writer) {
        this.settings = Require.present("settings", settings);
        this.writer = Require.present("writer", writer);
    }

    /** Takes the robot's next event; returns the summaries of subgoals it ended (usually none). */
    public List<SubgoalSummary> observe(StoredEvent stored) {
        Require.present("event", stored);
        Event event = stored.event();
        var keys = settings.keys();
        Optional<String> task = keys.task(event);
        Optional<String> subgoal = keys.subgoal(event);
        boolean ending = event.type() == EventType.TASK_FINISHED || event.type() == EventType.TASK_FAILED;
        List<SubgoalSummary> ended = new ArrayList<>(1);
        TaskContext context = robots.get(event.robot());

        boolean newTask = event.type() == EventType.TASK_STARTED && subgoal.isEmpty();
        if (newTask || (task.isPresent() && (context == null || !context.task.equals(task.get())))) {
            if (context != null) {
                context.endRunning(SubgoalOutcome.SUPERSEDED).ifPresent(ended::add);
            }
            context = new TaskContext(event.robot(), task.orElse(event.description()));
            robots.put(event.robot(), context);
        }
        if (context == null) {
            return ended; // no task yet: nothing for a planner's task view
        }
        if (subgoal.isPresent() && !subgoal.get().equals(context.runningName)) {
            context.endRunning(SubgoalOutcome.SUPERSEDED).ifPresent(ended::add);
            context.begin(subgoal.get());
        }
        context.add(stored);
        if (ending) {
            SubgoalOutcome outcome = event.type() == EventType.TASK_FINISHED ? SubgoalOutcome.FINISHED
                    : SubgoalOutcome.FAILED;
            context.endRunning(outcome).ifPresent(ended::add);
            if (subgoal.isEmpty()) {
                context.taskOutcome = Optional.of(outcome);
            }
        }
        return ended;
    }

    /** The planner's view of the robot's current (or last) task, if it has had one. */
    public Optional<WorkingMemoryView> view(RobotId robot) {
        TaskContext context = robots.get(Require.present("robot", robot));
        return context == null ? Optional.empty() : Optional.of(context.view());
    }

    /** What to store of the robot's working memory (see {@link WorkingMemoryState}), if it has had a task. */
    public Optional<WorkingMemoryState> state(RobotId robot) {
        TaskContext context = robots.get(Require.present("robot", robot));
        if (context == null) {
            return Optional.empty();
        }
        return Optional.of(new WorkingMemoryState(robot, context.task, context.taskOutcome,
                List.copyOf(context.finished), context.omittedSubgoals, Optional.ofNullable(context.runningName),
                context.running == null ? 0 : context.running.firstEventId()));
    }

    /**
     * Restores a robot's view from a stored state and the running subgoal's events (the robot's events from
     * {@code state.runningFromEventId()} on, in log order; none if it is 0), replacing what the robot had.
     */
    public void restore(WorkingMemoryState state, List<StoredEvent> running) {
        Require.present("state", state);
        Require.present("running", running);
        TaskContext context = new TaskContext(state.robot(), state.task());
        context.finished.addAll(state.finished());
        context.omittedSubgoals = state.omittedSubgoals();
        context.taskOutcome = state.taskOutcome();
        context.runningName = state.runningName().orElse(null);
        for (StoredEvent event : running) {
            if (!event.event().robot().equals(state.robot())) {
                throw new dev.loci.spatial.validation.InvalidValueException("running event", event.id(),
                        "is of robot " + event.event().robot() + ", not " + state.robot());
            }
            context.add(event);
        }
        robots.put(state.robot(), context);
    }

    /** One robot's task: finished subgoal summaries and the running subgoal's digest and latest events. */
    private final class TaskContext {
        final RobotId robot;
        final String task;
        final ArrayDeque<SubgoalSummary> finished = new ArrayDeque<>();
        int omittedSubgoals;
        Optional<SubgoalOutcome> taskOutcome = Optional.empty();
        String runningName;
        Digest running;
        final ArrayDeque<StoredEvent> recent = new ArrayDeque<>();
        int omittedEvents;

        TaskContext(RobotId robot, String task) {
            this.robot = robot;
            this.task = task;
        }

        void begin(String name) {
            runningName = name;
        }

        void add(StoredEvent stored) {
            if (running == null) {
                running = new Digest(settings.keys());
            }
            running.add(stored);
            recent.addLast(stored);
            if (recent.size() > settings.maxCurrentEvents()) {
                recent.removeFirst();
                omittedEvents++;
            }
        }

        /** Ends the running subgoal (or the events between subgoals) and puts its summary in the view. */
        Optional<SubgoalSummary> endRunning(SubgoalOutcome outcome) {
            Optional<SubgoalSummary> summary = Optional.empty();
            if (running != null && !running.isEmpty()) {
                String name = runningName == null ? BETWEEN : runningName;
                SubgoalSummary done = new SubgoalSummary(robot, task, name, outcome, running.start(), running.end(),
                        running.events(), running.firstEventId(), running.lastEventId(), running.places(3),
                        running.objects(16), writer.subgoal(task, name, outcome.text(), running));
                finished.addLast(done);
                if (finished.size() > settings.maxFinishedSubgoals()) {
                    finished.removeFirst();
                    omittedSubgoals++;
                }
                summary = Optional.of(done);
            }
            runningName = null;
            running = null;
            recent.clear();
            omittedEvents = 0;
            return summary;
        }

        WorkingMemoryView view() {
            return new WorkingMemoryView(robot, task, taskOutcome, List.copyOf(finished), omittedSubgoals,
                    Optional.ofNullable(runningName), List.copyOf(recent), omittedEvents);
        }
    }
}
