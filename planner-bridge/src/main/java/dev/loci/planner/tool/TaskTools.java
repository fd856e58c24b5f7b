package dev.loci.planner.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.planner.fleet.OutcomeReceipt;
import dev.loci.planner.fleet.StepOutcome;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.task.Task;
import dev.loci.planner.task.TaskKind;
import dev.loci.planner.task.TaskSpec;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/** The tools about the fleet's work: assign_task and report_outcome (which write), task_status (which reads). */
final class TaskTools {
    private final TaskCoordinator tasks;

    TaskTools(TaskCoordinator tasks) {
        this.tasks = tasks;
    }

    List<Tool> tools() {
        List<String> kinds = Arrays.stream(TaskKind.values()).map(TaskKind::wireName).toList();
        return List.of(
                new Tool("assign_task", "Give the fleet a task. find: go and look for an object (by class or id); "
                        + "fetch: bring an object of a class (or by id) to a destination; deliver: bring a given "
                        + "object to a destination; explore: go to the nearest frontier. The robot is chosen by "
                        + "body (skills, reach, payload), path distance, battery and status. Returns the task, its "
                        + "robot and plan, or why it waits.",
                        List.of(Param.choice("kind", kinds, true, "what to do"),
                                Param.text("object_class", Require.MAX_LABEL_CHARS, false, "class of object, e.g. 'mug'"),
                                Param.integer("object_id", 1, Long.MAX_VALUE, false, "a remembered object's id"),
                                Param.point("destination", false, "where to bring it (fetch, deliver)"),
                                Param.number("mass_kg", 0, TaskSpec.MAX_MASS_KG, false,
                                        "the object's mass if known, to choose a robot that can carry it")),
                        true, this::assign),
                new Tool("task_status", "Tasks and how far they are: one by id, or the most recent ones (newest "
                        + "first), with state, robot, plan, current step and why a task waits or failed.",
                        List.of(Param.text("task_id", Require.MAX_LABEL_CHARS, false, "one task, e.g. 'task_3'"),
                                Param.integer("limit", 1, 100, false, "most tasks to return (default 10)")),
                        false, this::status),
                new Tool("report_outcome", "A robot reports how a step of its task ended. Reports about a step the "
                        + "robot is not running (late or repeated) are ignored and say so.",
                        List.of(Param.text("robot", Require.MAX_LABEL_CHARS, true, "the reporting robot's id"),
                                Param.text("task_id", Require.MAX_LABEL_CHARS, true, "the task, e.g. 'task_3'"),
                                Param.integer("step", 0, 100, true, "index of the step in the task's plan"),
                                Param.bool("succeeded", true, "whether the step succeeded"),
                                Param.text("detail", StepOutcome.MAX_DETAIL_CHARS, false, "what happened, in words")),
                        true, this::report));
    }

    private ObjectNode assign(ToolArgs args) {
        TaskSpec spec = new TaskSpec(TaskKind.parse(args.required("kind", String.class)), args.text("object_class"),
                args.integer("object_id"), args.point("destination"),
                args.number("mass_kg").map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        Task task = tasks.submit(spec);
        return Answers.task(task);
    }

    private ObjectNode status(ToolArgs args) {
        List<Task> found;
        if (args.text("task_id").isPresent()) {
            String id = args.text("task_id").get();
            found = List.of(tasks.task(id).orElseThrow(() ->
                    new dev.loci.spatial.validation.InvalidValueException("task_id", id, "is not a known task")));
        } else {
            List<Task> all = new java.util.ArrayList<>(tasks.tasks());
            java.util.Collections.reverse(all);
            found = all.subList(0, Math.min(all.size(), args.integer("limit").orElse(10L).intValue()));
        }
        ObjectNode answer = Answers.object();
        var list = answer.putArray("tasks");
        for (Task task : found) {
            ObjectNode node = Answers.task(task);
            tasks.progressOf(task.id()).ifPresent(f -> node.put("step_progress", Answers.round(f)));
            list.add(node);
        }
        return answer;
    }

    private ObjectNode report(ToolArgs args) {
        StepOutcome outcome = new StepOutcome(RobotId.of(args.required("robot", String.class)),
                args.required("task_id", String.class), args.required("step", Long.class).intValue(),
                args.required("succeeded", Boolean.class), args.text("detail").orElse(""));
        OutcomeReceipt receipt = tasks.outcome(outcome);
        ObjectNode answer = Answers.object().put("accepted", receipt.accepted())
                .put("task_state", receipt.taskState().name().toLowerCase(java.util.Locale.ROOT));
        if (!receipt.note().isEmpty()) {
            answer.put("note", receipt.note());
        }
        return answer;
    }
}
