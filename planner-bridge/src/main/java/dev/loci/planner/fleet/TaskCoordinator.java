package dev.loci.planner.fleet;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.planner.allocation.Allocation;
import dev.loci.planner.allocation.Allocator;
import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskLedger;
import dev.loci.planner.task.TaskSpec;
import dev.loci.planner.task.TaskState;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop between planner and robots: takes tasks, allocates them to robots, sends each robot its plan
 * step by step, takes their outcomes and writes them to memory, and keeps the fleet working when a robot goes
 * silent (marked FAILED in its profile, its task given to another robot).
 *
 * <p>The one owner of task state; every method is synchronized. Tasks are kept in memory's event log by the
 * {@link TaskLedger}, so a new coordinator on a reopened memory carries on with the unfinished ones: a task
 * that was running is sent again (from the step it was at) to its robot when that robot's link attaches, or
 * reallocated once that robot is declared failed.
 */
public final class TaskCoordinator implements RobotReports {
    private static final Logger log = LoggerFactory.getLogger(TaskCoordinator.class);
    /** Source of the profile and state events this coordinator writes. */
    public static final String SOURCE = "task_coordinator";

    /**
     * @param heartbeatTimeout silence after which a robot is declared failed
     * @param maxAttempts      plans a task may start before a failing step fails the whole task
     */
    public record Settings(Duration heartbeatTimeout, int maxAttempts) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(3), 3);

        public Settings {
            Require.present("heartbeatTimeout", heartbeatTimeout);
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new InvalidValueException("maxAttempts", maxAttempts, "must be in [1, 100]");
            }
        }
    }

    private final LociRuntime memory;
    private final TaskLedger ledger;
    private final Allocator allocator;
    private final TimeSource clock;
    private final Settings settings;
    private final FailureDetector detector;
    private final Map<String, Task> tasks;
    private final Map<RobotId, RobotLink> links = new TreeMap<>();
    private final Map<String, Double> progress = new TreeMap<>();
    /** Declared failed and not heard from since: their profiles may not show it until the next commit. */
    private final java.util.Set<RobotId> failed = new java.util.TreeSet<>();
    private final AtomicLong ignoredOutcomes = new AtomicLong();
    private long nextTaskNumber;

    /** Restores unfinished tasks from memory; robots with a live profile get one timeout of grace from now. */
    public TaskCoordinator(LociRuntime memory, Allocator allocator, TimeSource clock, Settings settings) {
        this.memory = Require.present("memory", memory);
        this.allocator = Require.present("allocator", allocator);
        this.clock = Require.present("clock", clock);
        this.settings = Require.present("settings", settings);
        this.ledger = new TaskLedger(memory);
        this.detector = new FailureDetector(settings.heartbeatTimeout());
        this.tasks = new LinkedHashMap<>(ledger.restore());
        for (String id : tasks.keySet()) {
            nextTaskNumber = Math.max(nextTaskNumber, number(id));
        }
        Timestamp now = clock.now();
        for (Versioned<RobotProfile> profile : memory.profiles()) {
            if (profile.value().status().alive()) {
                detector.heard(profile.value().id(), now);
            } else if (profile.value().status() == RobotStatus.FAILED) {
                failed.add(profile.value().id());
            }
        }
    }

    /** Connects a robot: it can now be given tasks, and gets back the step it was running before a restart. */
    public synchronized void attach(RobotLink link) {
        Require.present("link", link);
        links.put(link.robot(), link);
        detector.heard(link.robot(), clock.now());
        runningTaskOf(link.robot()).ifPresent(this::dispatch);
        allocatePending();
    }

    /** Files a new task and tries to give it to a robot at once. */
    public synchronized Task submit(TaskSpec spec) {
        return submitAll(List.of(Require.present("spec", spec))).get(0);
    }

    /**
     * Files several tasks at once, then allocates them together (the one with most to lose first), not in
     * arrival order. A task no robot can do now waits, saying why, and is retried at every tick.
     */
    public synchronized List<Task> submitAll(List<TaskSpec> specs) {
        Require.present("specs", specs);
        specs.forEach(spec -> Require.present("spec", spec));
        List<String> ids = new ArrayList<>();
        for (TaskSpec spec : specs) {
            Task task = Task.submitted("task_" + (++nextTaskNumber), spec);
            tasks.put(task.id(), task);
            ledger.submitted(task, clock.now());
            ids.add(task.id());
        }
        allocatePending();
        return ids.stream().map(tasks::get).toList();
    }

    /**
     * Declares robots that have been silent too long failed (FAILED in their profile), gives their tasks to
     * others, and allocates pending tasks. Call it periodically, well within the heartbeat timeout.
     */
    public synchronized List<RobotId> tick() {
        Timestamp now = clock.now();
        List<RobotId> silent = detector.silentAt(now);
        for (RobotId robot : silent) {
            declareFailed(robot, now);
        }
        allocatePending();
        return silent;
    }

    @Override
    public synchronized void heartbeat(RobotId robot) {
        Require.present("robot", robot);
        Timestamp now = clock.now();
        detector.heard(robot, now);
        if (failed.remove(robot)) {
            log.info("robot {} is heard again: back to IDLE", robot);
            memory.profile(robot).map(Versioned::value)
                    .ifPresent(profile -> memory.updateProfile(profile.withStatus(RobotStatus.IDLE), SOURCE));
            recordState(robot, now, "robot " + robot + " recovered: heard again after being declared failed");
        }
    }

    @Override
    public synchronized void progress(RobotId robot, String taskId, int step, double fraction) {
        heartbeat(robot);
        Task task = tasks.get(taskId);
        if (task != null && task.robot().equals(Optional.of(robot)) && task.nextStep() == step) {
            progress.put(taskId, Math.max(0, Math.min(1, fraction)));
        }
    }

    @Override
    public synchronized OutcomeReceipt outcome(StepOutcome outcome) {
        Require.present("outcome", outcome);
        heartbeat(outcome.robot());
        Task task = tasks.get(outcome.taskId());
        if (task == null) {
            throw new InvalidValueException("task_id", outcome.taskId(), "is not a known task");
        }
        if (!task.robot().equals(Optional.of(outcome.robot())) || task.nextStep() != outcome.step()) {
            ignoredOutcomes.incrementAndGet();
            return new OutcomeReceipt(false, task.state(), "ignored: task " + task.id() + " is "
                    + task.state() + task.robot().map(r -> " on " + r + " at step " + task.nextStep()).orElse(""));
        }
        Timestamp now = clock.now();
        progress.remove(task.id());
        if (outcome.succeeded()) {
            Task after = task.stepDone();
            ledger.stepDone(task, outcome.detail(), now);
            tasks.put(after.id(), after);
            if (after.state() == TaskState.DONE) {
                ledger.finished(after, now);
                allocatePending();
            } else {
                dispatch(after);
            }
        } else if (task.attempts() >= settings.maxAttempts()) {
            String why = "step " + outcome.step() + " failed on the last attempt: " + outcome.detail();
            ledger.failed(task, why, now);
            tasks.put(task.id(), task.failed(why));
            allocatePending();
        } else {
            String why = "step " + outcome.step() + " failed on " + outcome.robot() + ": " + outcome.detail();
            ledger.requeued(task, why, now);
            tasks.put(task.id(), task.requeued(why));
            allocatePending();
        }
        return new OutcomeReceipt(true, tasks.get(task.id()).state(), "");
    }

    public synchronized Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** Every task, in submission order. */
    public synchronized List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    public synchronized Optional<Task> runningTaskOf(RobotId robot) {
        return tasks.values().stream().filter(t -> t.robot().equals(Optional.of(robot))).findFirst();
    }

    /** When the robot last gave a sign of life (heartbeat, progress, outcome); empty once declared failed. */
    public synchronized Optional<Timestamp> lastHeard(RobotId robot) {
        return detector.lastHeard(robot);
    }

    /** Progress through the current step of a running task, as last reported, in [0, 1]. */
    public synchronized Optional<Double> progressOf(String taskId) {
        return Optional.ofNullable(progress.get(taskId));
    }

    /** Outcomes that were not about the reporting robot's current step (late, duplicated, or for a lost task). */
    public long ignoredOutcomes() {
        return ignoredOutcomes.get();
    }

    public String allocatorName() {
        return allocator.name();
    }

    private void declareFailed(RobotId robot, Timestamp now) {
        failed.add(robot);
        Optional<RobotProfile> profile = memory.profile(robot).map(Versioned::value);
        if (profile.isPresent() && profile.get().status().alive()) {
            memory.updateProfile(profile.get().withStatus(RobotStatus.FAILED), SOURCE);
        }
        log.warn("robot {} silent for more than {} ms: declared failed", robot,
                settings.heartbeatTimeout().toMillis());
        recordState(robot, now, "robot " + robot + " declared failed: no heartbeat for "
                + settings.heartbeatTimeout().toMillis() + " ms");
        Optional<Task> running = runningTaskOf(robot);
        if (running.isPresent()) {
            Task task = running.get();
            String why = "robot " + robot + " went silent";
            ledger.requeued(task, why, now);
            tasks.put(task.id(), task.requeued(why));
            Optional.ofNullable(links.get(robot)).ifPresent(link -> link.cancel(task.id()));
        }
    }

    /**
     * Starts pending tasks on free robots. When several tasks compete for the free robots, the one that would
     * lose most by not getting its best robot (largest regret: second-best minus best plan time; a task with a
     * single possible robot first) starts first, then the rest are reconsidered without that robot. Taking
     * tasks in arrival order, or cheapest first, lets one task take the robot another needs most.
     */
    private void allocatePending() {
        Timestamp now = clock.now();
        while (true) {
            Task chosen = null;
            Allocation chosenAllocation = null;
            for (Task task : List.copyOf(tasks.values())) {
                if (task.state() != TaskState.PENDING) {
                    continue;
                }
                List<RobotProfile> free = freeRobotsFor(task);
                if (free.isEmpty()) {
                    tasks.put(task.id(), task.waiting("no free robot that has not already failed it"));
                    continue;
                }
                Allocation allocation = allocator.allocate(task.spec(), free);
                if (allocation.plan().isEmpty()) {
                    tasks.put(task.id(), task.waiting(String.join("; ", allocation.refusals())));
                } else if (chosen == null || servesFirst(allocation, chosenAllocation)) {
                    chosen = task;
                    chosenAllocation = allocation;
                }
            }
            if (chosen == null) {
                return;
            }
            Task started = tasks.get(chosen.id()).started(chosenAllocation.plan().get());
            ledger.started(started, now);
            tasks.put(started.id(), started);
            dispatch(started);
        }
    }

    /** Larger regret first; then the quicker plan; on a full tie the earlier task (already chosen) stays. */
    private static boolean servesFirst(Allocation candidate, Allocation chosen) {
        int byRegret = Double.compare(candidate.regret(), chosen.regret());
        if (byRegret != 0) {
            return byRegret > 0;
        }
        return candidate.plan().get().estimatedSeconds() < chosen.plan().get().estimatedSeconds();
    }

    private List<RobotProfile> freeRobotsFor(Task task) {
        List<RobotProfile> free = new ArrayList<>();
        for (Versioned<RobotProfile> versioned : memory.profiles()) {
            RobotProfile robot = versioned.value();
            if (links.containsKey(robot.id()) && robot.status().alive() && !failed.contains(robot.id())
                    && !task.excluded().contains(robot.id())
                    && runningTaskOf(robot.id()).isEmpty()) {
                free.add(robot);
            }
        }
        return free;
    }

    private void dispatch(Task task) {
        RobotLink link = links.get(task.robot().orElseThrow());
        if (link != null) {
            link.execute(new SkillCommand(task.id(), task.nextStep(), task.currentStep().orElseThrow()));
        }
    }

    private void recordState(RobotId robot, Timestamp now, String description) {
        memory.record(Event.of(robot, now, EventType.ROBOT_STATE, SOURCE, description)).whenComplete((e, error) -> {
            if (error != null) {
                log.error("robot state event not stored: {}", error.toString());
            }
        });
    }

    private static long number(String taskId) {
        try {
            return Long.parseLong(taskId.substring(taskId.lastIndexOf('_') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
