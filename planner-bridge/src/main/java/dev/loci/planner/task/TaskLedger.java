package dev.loci.planner.task;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps tasks in memory's event log: every transition is an event (so robots' episodic memory holds what they
 * did, and recall can find it), and replaying the transitions in order rebuilds every task after a restart.
 *
 * <p>Events carry a ledger sequence number: replay follows it, not event time, since robot or simulation time
 * may restart lower than before. Writes are not awaited; a crash loses at most the runtime's commit interval
 * of transitions, after which a robot repeats a step it had done.
 */
public final class TaskLedger {
    private static final Logger log = LoggerFactory.getLogger(TaskLedger.class);
    /** Event source of task records, and the pseudo-robot that submitted tasks are filed under. */
    public static final String SOURCE = "task_ledger";
    public static final RobotId PLANNER = RobotId.of("planner");
    static final String TASK_ID = "task_id";
    static final String TRANSITION = "task_event";
    static final String SEQUENCE = "seq";
    static final String REASON = "reason";
    static final String STEP = "step";
    private static final int MAX_REASON_CHARS = 200;

    private final LociRuntime memory;
    private long sequence;

    public TaskLedger(LociRuntime memory) {
        this.memory = Require.present("memory", memory);
    }

    /** Every task recorded in memory, rebuilt by replaying its transitions, in submission order. */
    public Map<String, Task> restore() {
        List<StoredEvent> records = taskRecords();
        records.sort(Comparator.comparingLong(r -> TaskRecords.parseLong(SEQUENCE, r.event().attributes().get(SEQUENCE))));
        Map<String, Task> tasks = new LinkedHashMap<>();
        for (StoredEvent record : records) {
            Map<String, String> attributes = record.event().attributes();
            sequence = Math.max(sequence, TaskRecords.parseLong(SEQUENCE, attributes.get(SEQUENCE)));
            String id = TaskRecords.required(attributes, TASK_ID);
            try {
                replay(tasks, id, attributes);
            } catch (InvalidValueException e) {
                log.warn("task record {} of {} skipped: {}", record.id(), id, e.getMessage());
            }
        }
        log.info("task ledger: {} tasks restored from {} records", tasks.size(), records.size());
        return tasks;
    }

    /**
     * Every task record, read in pages of the event query's limit (other components' events of the same types
     * share the pages), each page starting at the time the previous one ended.
     */
    private List<StoredEvent> taskRecords() {
        EnumSet<EventType> types = EnumSet.of(EventType.CUSTOM, EventType.TASK_STARTED, EventType.ACTION,
                EventType.TASK_FINISHED, EventType.TASK_FAILED);
        Map<Long, StoredEvent> records = new LinkedHashMap<>();
        Timestamp from = Timestamp.ZERO;
        while (true) {
            List<StoredEvent> page = memory.events(
                    EventQuery.window(from, new Timestamp(Long.MAX_VALUE)).ofTypes(types));
            for (StoredEvent stored : page) {
                Event event = stored.event();
                if (event.source().equals(SOURCE) && event.attributes().containsKey(SEQUENCE)) {
                    records.put(stored.id(), stored);
                }
            }
            if (page.size() < EventQuery.MAX_LIMIT) {
                return new ArrayList<>(records.values());
            }
            Timestamp last = page.get(page.size() - 1).event().time();
            if (last.equals(from)) {
                log.warn("more than {} events at {} ns: task records after them are not replayed",
                        EventQuery.MAX_LIMIT, from.nanos());
                return new ArrayList<>(records.values());
            }
            from = last;
        }
    }

    private static void replay(Map<String, Task> tasks, String id, Map<String, String> attributes) {
        String transition = TaskRecords.required(attributes, TRANSITION);
        if (transition.equals(Transition.SUBMITTED.wire)) {
            tasks.put(id, Task.submitted(id, TaskRecords.spec(attributes)));
            return;
        }
        Task task = tasks.get(id);
        if (task == null) {
            throw new InvalidValueException(TASK_ID, id, "has a " + transition + " record but was never submitted");
        }
        String reason = attributes.getOrDefault(REASON, "");
        Task next = switch (Transition.parse(transition)) {
            case SUBMITTED -> task;
            case STARTED -> task.started(TaskRecords.plan(attributes));
            case STEP_DONE -> task.stepDone();
            case REQUEUED -> task.requeued(reason);
            case FINISHED -> task;
            case FAILED -> task.failed(reason);
        };
        tasks.put(id, next);
    }

    public void submitted(Task task, Timestamp at) {
        Map<String, String> attributes = TaskRecords.spec(task.spec());
        write(task, Transition.SUBMITTED, PLANNER, EventType.CUSTOM, at, attributes,
                "task " + task.id() + " submitted: " + describe(task.spec()), Optional.empty());
    }

    public void started(Task task, Timestamp at) {
        Plan plan = task.plan().orElseThrow();
        write(task, Transition.STARTED, plan.robot(), EventType.TASK_STARTED, at, TaskRecords.plan(plan),
                "task " + task.id() + " started by " + plan.robot() + ": " + describe(task.spec()) + " in "
                        + plan.steps().size() + " steps", plan.objectId());
    }

    /** The step {@code before} was running succeeded. */
    public void stepDone(Task before, String detail, Timestamp at) {
        SkillStep step = before.currentStep().orElseThrow();
        RobotId robot = before.robot().orElseThrow();
        Map<String, String> attributes = new TreeMap<>();
        attributes.put(STEP, Integer.toString(before.nextStep()));
        attributes.put("skill", step.skill().wireName());
        attributes.put(REASON, clean(detail));
        Event event = event(before, Transition.STEP_DONE, robot, EventType.ACTION, at, attributes,
                robot + " did " + step.skill().wireName() + step.objectClass().map(c -> " " + c).orElse("")
                        + " for task " + before.id())
                .at(step.target());
        record(step.objectId().map(id -> event.involving(List.of(id))).orElse(event));
    }

    public void requeued(Task before, String why, Timestamp at) {
        RobotId robot = before.robot().orElseThrow();
        write(before, Transition.REQUEUED, robot, EventType.CUSTOM, at, Map.of(REASON, clean(why)),
                "task " + before.id() + " taken from " + robot + ": " + clean(why), Optional.empty());
    }

    public void finished(Task task, Timestamp at) {
        RobotId robot = task.plan().orElseThrow().robot();
        write(task, Transition.FINISHED, robot, EventType.TASK_FINISHED, at, Map.of(),
                "task " + task.id() + " done by " + robot + ": " + describe(task.spec()), task.plan().get().objectId());
    }

    public void failed(Task before, String why, Timestamp at) {
        RobotId robot = before.robot().orElse(PLANNER);
        write(before, Transition.FAILED, robot, EventType.TASK_FAILED, at, Map.of(REASON, clean(why)),
                "task " + before.id() + " failed: " + clean(why), Optional.empty());
    }

    private void write(Task task, Transition transition, RobotId robot, EventType type, Timestamp at,
                       Map<String, String> attributes, String description, Optional<Long> object) {
        Event event = event(task, transition, robot, type, at, attributes, description);
        record(object.map(id -> event.involving(List.of(id))).orElse(event));
    }

    private synchronized Event event(Task task, Transition transition, RobotId robot, EventType type, Timestamp at,
                                     Map<String, String> attributes, String description) {
        Map<String, String> all = new TreeMap<>(attributes);
        all.put(TASK_ID, task.id());
        all.put(TRANSITION, transition.wire);
        all.put(SEQUENCE, Long.toString(++sequence));
        return Event.of(robot, at, type, SOURCE, description).withAttributes(all);
    }

    private void record(Event event) {
        memory.record(event).whenComplete((stored, error) -> {
            if (error != null) {
                log.error("task record not stored ({}): {}", event.description(), error.toString());
            }
        });
    }

    static String describe(TaskSpec spec) {
        StringBuilder text = new StringBuilder(spec.kind().wireName());
        spec.objectClass().ifPresent(label -> text.append(' ').append(label));
        spec.objectId().ifPresent(id -> text.append(" object ").append(id));
        spec.destination().ifPresent(p -> text.append(" to ").append(TaskRecords.point(p)));
        return text.toString();
    }

    /** Free text from robots goes into memory printable and short. */
    static String clean(String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_REASON_CHARS; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().isBlank() ? "-" : out.toString();
    }

    private enum Transition {
        SUBMITTED("submitted"), STARTED("started"), STEP_DONE("step_done"), REQUEUED("requeued"),
        FINISHED("finished"), FAILED("failed");

        final String wire;

        Transition(String wire) {
            this.wire = wire;
        }

        static Transition parse(String wire) {
            for (Transition t : values()) {
                if (t.wire.equals(wire)) {
                    return t;
                }
            }
            throw new InvalidValueException(TRANSITION, wire, "is not a task transition");
        }
    }
}
