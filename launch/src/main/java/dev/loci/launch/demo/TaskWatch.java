package dev.loci.launch.demo;

import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Says a line whenever a task changes: started on a robot, a step done, back in the queue, done, failed. */
final class TaskWatch {
    private final String label;
    private final Map<String, String> words;
    private final Consumer<String> say;
    private final java.util.function.Function<dev.loci.spatial.provenance.RobotId, String> lastFailure;
    private final Map<String, Task> seen = new HashMap<>();

    TaskWatch(String label, Map<String, String> words, Consumer<String> say,
              java.util.function.Function<dev.loci.spatial.provenance.RobotId, String> lastFailure) {
        this.lastFailure = lastFailure;
        this.label = label;
        this.words = words;
        this.say = say;
    }

    void update(List<Task> tasks, double seconds) {
        for (Task task : tasks) {
            Task before = seen.put(task.id(), task);
            if (before != null && before.state() == task.state() && before.nextStep() == task.nextStep()
                    && before.attempts() == task.attempts()) {
                continue;
            }
            String what = describe(before, task);
            if (!what.isEmpty()) {
                say.accept(String.format("%s t=%6.1f s  %-7s %-34s %s", label, seconds, task.id(),
                        words.getOrDefault(task.id(), task.spec().kind().wireName()), what));
            }
        }
    }

    private String describe(Task before, Task task) {
        return switch (task.state()) {
            case RUNNING -> {
                var plan = task.plan().orElseThrow();
                if (before == null || before.state() != TaskState.RUNNING || before.attempts() != task.attempts()) {
                    String requeued = before != null && before.state() == TaskState.RUNNING
                            ? "back to the queue (" + before.plan().orElseThrow().robot() + ": "
                            + lastFailure.apply(before.plan().orElseThrow().robot()) + "), then " : "";
                    yield requeued + String.format("-> %s (attempt %d, %d steps, planned %.0f m / %.0f s)", plan.robot(),
                            task.attempts(), plan.steps().size(), plan.travelMeters(), plan.estimatedSeconds());
                }
                yield String.format("step %d/%d %s done", task.nextStep(), plan.steps().size(),
                        plan.steps().get(task.nextStep() - 1).skill().wireName());
            }
            case PENDING -> before != null && before.state() == TaskState.RUNNING
                    ? "back to the queue (" + before.plan().orElseThrow().robot() + ": "
                    + lastFailure.apply(before.plan().orElseThrow().robot()) + ")" : "";
            case DONE -> "DONE by " + task.plan().orElseThrow().robot();
            case FAILED -> "FAILED: " + task.reason();
        };
    }
}
