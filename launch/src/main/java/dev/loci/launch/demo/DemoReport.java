package dev.loci.launch.demo;

import dev.loci.planner.task.TaskState;
import dev.loci.runtime.RuntimeStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The final report of a demo run, as Markdown next to its pictures. */
final class DemoReport {
    /** What the memory held at the end of the main run. */
    record MemoryFacts(RuntimeStats stats, long bytesOnDisk, int classes, int snapshots, int frontiers) {
    }

    private DemoReport() {
    }

    static String markdown(DemoSettings settings, List<FleetMember> fleet, ExplorePhase.Result explored,
                           TaskPhase.Result byBody, TaskPhase.Result nearest, Optional<RosQueries.Latencies> ros,
                           String rosProblem, MemoryFacts memory, List<String> pictures,
                           SnapshotGallery.Gallery snapshots, double wallSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Loci demo report\n\n");
        md.append(String.format("World `%s`, seed %d, fixed step %.2f s of simulated time; fleet: %s. "
                        + "Wall time of the whole run: %.0f s.%n%n", settings.world(), settings.seed(), settings.dt(),
                String.join(", ", fleet.stream().map(m -> m.name() + " (" + m.body().kind() + ", reach "
                        + m.body().reachHeight() + " m, " + m.body().maxSpeed() + " m/s)").toList()), wallSeconds));

        md.append("## Summary\n\n");
        md.append("| | embodiment-aware allocation | nearest-robot allocation |\n|---|---|---|\n");
        md.append(row("tasks done", byBody.done() + " / " + byBody.tasks().size(),
                nearest.done() + " / " + nearest.tasks().size()));
        md.append(row("success rate", pct(byBody), pct(nearest)));
        md.append(row("SPL", String.format("%.2f", byBody.spl()), String.format("%.2f", nearest.spl())));
        md.append(row("total task time (sum over tasks, simulated s)",
                String.format("**%.1f**", byBody.totalTaskSeconds()), String.format("**%.1f**",
                        nearest.totalTaskSeconds())));
        md.append(row("all tasks done after (simulated s)", String.format("%.1f", byBody.seconds()),
                String.format("%.1f", nearest.seconds())));
        md.append(row("plans started (reallocations included)", Long.toString(byBody.attempts()),
                Long.toString(nearest.attempts())));
        md.append(row("robot failure", byBody.failure().orElse("none"), nearest.failure().orElse("none")));
        md.append(row("DDS messages in the task phase", byBody.wireSummary(), nearest.wireSummary()));
        md.append('\n');
        double ratio = nearest.totalTaskSeconds() / Math.max(1e-9, byBody.totalTaskSeconds());
        md.append(String.format("Embodiment-aware allocation %s nearest-robot allocation on total task time: "
                        + "%.1f s vs %.1f s (nearest takes %.2fx as long).%n%n",
                byBody.totalTaskSeconds() < nearest.totalTaskSeconds() ? "beats" : "does NOT beat",
                byBody.totalTaskSeconds(), nearest.totalTaskSeconds(), ratio));

        md.append("Tasks " + FleetMember.FAILING + " had and lost (to its crash, or to a step it could not do), "
                + "and who finished them: ").append(reassigned(byBody)).append(" (embodiment run); ")
                .append(reassigned(nearest)).append(" (nearest run).\n\n");
        md.append("## Exploration\n\n");
        md.append(String.format("The three robots explored for %.1f s of simulated time (frontiers, then a tour of "
                + "the places), into one memory.%n%n", explored.seconds()));

        tasks(md, "Tasks, embodiment-aware allocation (the main run)", byBody);
        tasks(md, "Tasks, nearest-robot allocation (same world, seed, memory copy and failure rule)", nearest);

        md.append("## Queries over ROS 2 (DDS on loopback)\n\n");
        if (ros.isPresent()) {
            RosQueries.Latencies l = ros.get();
            md.append(String.format("The memory node served the main run's memory on ROS_DOMAIN_ID %d, namespace "
                            + "`%s`; a planner node called each service %d times (rmw_cyclonedds service layout, "
                            + "request to reply, measured at the caller). %d objects in the answers, %d error "
                            + "replies.%n%n", l.domain(), RosQueries.NAMESPACE, l.whereIsMicros().length,
                    l.objectsAnswered(), l.errorReplies()));
            md.append("| service | p50 | p99 | max |\n|---|---|---|---|\n");
            md.append(latencyRow("where_is", l.whereIsMicros()));
            md.append(latencyRow("objects_near", l.objectsNearMicros()));
            md.append('\n');
        } else {
            md.append("Not measured: ").append(rosProblem).append("\n\n");
        }

        md.append("## Memory\n\n");
        RuntimeStats s = memory.stats();
        md.append(String.format("| on disk | observations | objects | classes | frames | snapshots | events | "
                        + "robot profiles | open frontiers |%n|---|---|---|---|---|---|---|---|---|%n"
                        + "| %.1f MiB | %d | %d | %d | %d | %d | %d | %d | %d |%n%n",
                memory.bytesOnDisk() / (1024.0 * 1024.0), s.observations(), s.objects(), memory.classes(), s.frames(),
                memory.snapshots(), s.events(), s.profiles(), memory.frontiers()));

        md.append("## Pictures\n\n");
        for (String picture : pictures) {
            md.append("![").append(picture).append("](").append(picture).append(")\n\n");
        }
        md.append("Grey: unknown to memory; white/black: memory's free/occupied map; outlines: the true furniture "
                + "and objects; filled discs: remembered objects; lines: robot trajectories; cyan: memory "
                + "snapshot poses; magenta: open frontiers.\n\n");

        snapshots(md, snapshots);

        md.append("## What runs where\n\n");
        md.append("Over DDS (ROS 2 wire format, loopback): the memory node's services, queried by a planner node "
                + "(the latencies above). In-process: the simulated robots, their sensors feeding the runtime, and "
                + "the planner bridge's task coordinator talking to the robots through `SimRobotLink` (the "
                + "`RobotLink`/`RobotReports` boundary), all on the simulation's fixed step, so the task numbers "
                + "are repeatable for a seed.\n\n");
        md.append("Definitions: total task time is the sum over tasks of the simulated time from submission to "
                + "done; SPL averages, over tasks, success x shortest / max(shortest, driven), where driven counts "
                + "every robot's metres on the task (failed attempts included) and shortest is the oracle path "
                + "for the robot that completed it.\n");
        return md.toString();
    }

    private static void snapshots(StringBuilder md, SnapshotGallery.Gallery gallery) {
        List<SnapshotGallery.Shot> shots = gallery.shots();
        md.append("## Memory snapshots\n\n");
        if (shots.isEmpty()) {
            md.append("Memory held no snapshots after exploring.\n\n");
            return;
        }
        md.append("A memory snapshot is a stored camera pose chosen because it is memory's best view of a group of "
                + "objects seen together. Each picture is drawn from memory alone, after exploring (pure Java, no "
                + "display): memory's occupancy map on the floor (light free, dark occupied, grey unknown) and every "
                + "remembered object's box in its remembered colour, projected through the snapshot's camera pose "
                + "and field of view, far to near; the objects the snapshot is the best view of are framed in "
                + "white and labelled in bold; a dashed line drops from each object to the floor (the furniture under "
                + "it is not an object memory keeps).\n\n");
        if (shots.stream().anyMatch(s -> s.rendered().isPresent())) {
            md.append("Beside each, the true world rendered by jME from the same camera pose (sim's "
                    + "`SnapshotRenderer`, OpenGL on this run's display): walls, furniture and objects as they "
                    + "are, not as memory holds them.\n\n");
        }
        gallery.renderProblem().ifPresent(why -> md.append("No rendered views: ").append(why).append(".\n\n"));
        for (SnapshotGallery.Shot shot : shots) {
            md.append("![").append(shot.file()).append("](").append(shot.file()).append(")");
            shot.rendered().ifPresent(r -> md.append(" ![").append(r).append("](").append(r).append(")"));
            md.append("\n\n").append(shot.caption()).append("\n\n");
        }
    }

    static Path write(Path folder, String markdown) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("report.md"), markdown);
    }

    private static void tasks(StringBuilder md, String title, TaskPhase.Result run) {
        md.append("## ").append(title).append("\n\n");
        md.append("| task | what | state | done by | plans | done after (s) | driven (m) | shortest (m) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (TaskPhase.TaskOutcome t : run.tasks()) {
            md.append(String.format("| %s | %s | %s | %s | %d | %.1f | %.1f | %.1f |%n", t.task().id(), t.words(),
                    t.task().state(), t.task().state() == TaskState.DONE
                            ? t.task().plan().orElseThrow().robot().name() : "-",
                    t.task().attempts(), t.finishedAfter(), t.metres(), t.shortest()));
        }
        md.append('\n');
    }

    /** Tasks the crashed robot had, and who finished them. */
    private static String reassigned(TaskPhase.Result run) {
        List<String> moved = run.tasks().stream()
                .filter(t -> t.task().excluded().stream().anyMatch(r -> r.name().equals(FleetMember.FAILING)))
                .map(t -> t.task().id() + " (" + t.words() + ") " + (t.task().state() == TaskState.DONE
                        ? "done by " + t.task().plan().orElseThrow().robot() : t.task().state().toString()))
                .toList();
        return moved.isEmpty() ? "none" : String.join(", ", moved);
    }

    private static String pct(TaskPhase.Result run) {
        return String.format("%.0f%%", 100.0 * run.done() / Math.max(1, run.tasks().size()));
    }

    private static String row(String what, String a, String b) {
        return "| " + what + " | " + a + " | " + b + " |\n";
    }

    private static String latencyRow(String service, long[] micros) {
        return String.format("| %s | %.0f us | %.0f us | %d us |%n", service,
                RosQueries.Latencies.percentile(micros, 50), RosQueries.Latencies.percentile(micros, 99),
                micros.length == 0 ? 0 : micros[micros.length - 1]);
    }
}
