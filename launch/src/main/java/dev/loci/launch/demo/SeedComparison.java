package dev.loci.launch.demo;

import dev.loci.launch.progress.ProgressLine;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.allocation.NearestRobotAllocator;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One seed of the allocator comparison: the demo's exploration, then the same tasks with embodiment-aware and
 * with nearest-robot allocation on copies of the explored memory, same world, seed and failure rule (no ROS 2
 * queries, no pictures).
 */
final class SeedComparison {
    /** What one seed gave; {@code tasks} in words, as chosen from memory. */
    record Result(long seed, List<String> tasks, Outcome embodiment, Outcome nearest) {
        boolean embodimentWins() {
            return embodiment.totalTaskSeconds() < nearest.totalTaskSeconds();
        }
    }

    /** One allocator's run: tasks done of all, total task time (simulated s), SPL, plans started. */
    record Outcome(long done, int tasks, double totalTaskSeconds, double spl, long attempts, String failure) {
        static Outcome of(TaskPhase.Result r) {
            return new Outcome(r.done(), r.tasks().size(), r.totalTaskSeconds(), r.spl(), r.attempts(),
                    r.failure().orElse("none"));
        }
    }

    private SeedComparison() {
    }

    /** Runs one seed in {@code dir} (its memories are replaced); progress and task events go to the console. */
    static Result run(WorldSpec spec, DemoSettings settings, Path dir, ProgressLine progress,
                      Consumer<String> events) throws IOException {
        List<FleetMember> fleet = FleetMember.heterogeneous();
        Path embodimentDir = dir.resolve("embodiment");
        Path nearestDir = dir.resolve("nearest");
        DemoCommand.deleteRecursively(embodimentDir);
        DemoCommand.deleteRecursively(nearestDir);
        String seed = "seed " + settings.seed();
        ExplorePhase.Result explored;
        List<TaskChoice.Chosen> chosen;
        try (LociRuntime memory = SimMemory.open(embodimentDir)) {
            World world = build(spec, settings);
            progress.start("[" + seed + "] exploring");
            explored = ExplorePhase.run(world, memory, fleet, settings, progress);
            progress.finish();
            chosen = TaskChoice.choose(memory, world, settings.fetches(), settings.finds());
        }
        DemoCommand.copyRecursively(embodimentDir, nearestDir);
        TaskPhase.Result byBody;
        try (LociRuntime memory = SimMemory.open(embodimentDir)) {
            progress.start("[" + seed + "] embodiment tasks");
            byBody = TaskPhase.run("[" + seed + ", body]   ", memory, build(spec, settings), fleet, explored.poses(),
                    explored.end(), new EmbodimentAllocator(new TaskPlanner(memory)), chosen, settings, events,
                    progress);
            progress.finish();
        }
        TaskPhase.Result nearest;
        try (LociRuntime memory = SimMemory.open(nearestDir)) {
            progress.start("[" + seed + "] nearest tasks");
            nearest = TaskPhase.run("[" + seed + ", nearest]", memory, build(spec, settings), fleet,
                    explored.poses(), explored.end(), new NearestRobotAllocator(memory, new TaskPlanner(memory)),
                    chosen, settings, events, progress);
            progress.finish();
        }
        return new Result(settings.seed(), chosen.stream().map(TaskChoice.Chosen::words).toList(),
                Outcome.of(byBody), Outcome.of(nearest));
    }

    private static World build(WorldSpec spec, DemoSettings settings) {
        return new WorldBuilder().build(spec, settings.seed());
    }
}
