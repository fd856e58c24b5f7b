package dev.loci.planner.task;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A task and its progress. Immutable: each transition returns the next value, so the coordinator can log the
 * transition before it replaces the old value.
 *
 * @param plan     the plan being run (RUNNING), or the last one tried
 * @param nextStep index into the plan's steps of the step running now
 * @param attempts plans started so far
 * @param excluded robots that failed this task (by going silent or failing a step): not asked again
 * @param reason   why it last went back to PENDING or FAILED, empty otherwise
 */
public record Task(String id, TaskSpec spec, TaskState state, Optional<Plan> plan, int nextStep, int attempts,
                   SortedSet<RobotId> excluded, String reason) {
    public Task {
        Require.name("task_id", id);
        Require.present("spec", spec);
        Require.present("state", state);
        Require.present("plan", plan);
        if (state == TaskState.RUNNING && plan.isEmpty()) {
            throw new InvalidValueException("plan", "absent", "is required while running");
        }
        if (nextStep < 0 || plan.isPresent() && nextStep > plan.get().steps().size()) {
            throw new InvalidValueException("nextStep", nextStep, "is outside the plan");
        }
        Require.nonNegative("attempts", attempts);
        excluded = Collections.unmodifiableSortedSet(new TreeSet<>(Require.present("excluded", excluded)));
        Require.present("reason", reason);
    }

    public static Task submitted(String id, TaskSpec spec) {
        return new Task(id, spec, TaskState.PENDING, Optional.empty(), 0, 0, new TreeSet<>(), "");
    }

    /** The robot running it, if it is running. */
    public Optional<RobotId> robot() {
        return state == TaskState.RUNNING ? plan.map(Plan::robot) : Optional.empty();
    }

    public Optional<SkillStep> currentStep() {
        return state == TaskState.RUNNING ? Optional.of(plan.orElseThrow().steps().get(nextStep)) : Optional.empty();
    }

    public Task started(Plan newPlan) {
        requireState(TaskState.PENDING, "start");
        return new Task(id, spec, TaskState.RUNNING, Optional.of(newPlan), 0, attempts + 1, excluded, "");
    }

    /** The current step succeeded: the next one runs, or the task is done after the last. */
    public Task stepDone() {
        requireState(TaskState.RUNNING, "advance");
        int next = nextStep + 1;
        TaskState after = next == plan.orElseThrow().steps().size() ? TaskState.DONE : TaskState.RUNNING;
        return new Task(id, spec, after, plan, next, attempts, excluded, "");
    }

    /** Back to the queue without its robot, which is not asked again. */
    public Task requeued(String why) {
        requireState(TaskState.RUNNING, "requeue");
        TreeSet<RobotId> without = new TreeSet<>(excluded);
        without.add(plan.orElseThrow().robot());
        return new Task(id, spec, TaskState.PENDING, plan, 0, attempts, without, why);
    }

    public Task failed(String why) {
        if (state.finished()) {
            throw new InvalidValueException("state", state, "cannot fail a finished task");
        }
        return new Task(id, spec, TaskState.FAILED, plan, state == TaskState.RUNNING ? nextStep : 0, attempts,
                excluded, why);
    }

    /** Still pending, with why no robot took it this time (not logged: it changes with every try). */
    public Task waiting(String why) {
        requireState(TaskState.PENDING, "wait on");
        return new Task(id, spec, state, plan, nextStep, attempts, excluded, Require.present("reason", why));
    }

    private void requireState(TaskState expected, String action) {
        if (state != expected) {
            throw new InvalidValueException("state", state, "cannot " + action + " a task that is not " + expected);
        }
    }
}
