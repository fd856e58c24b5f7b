package dev.loci.planner.allocation;

import dev.loci.planner.task.Planning;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.task.TaskSpec;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.Sighting;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.validation.Require;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The baseline to beat: the live robot nearest (straight line) to the task's first target gets it, whatever its
 * body, battery or the walls in between. What it cannot do fails on the robot and is reallocated.
 */
public final class NearestRobotAllocator implements Allocator {
    private final LociRuntime memory;
    private final TaskPlanner planner;

    public NearestRobotAllocator(LociRuntime memory, TaskPlanner planner) {
        this.memory = Require.present("memory", memory);
        this.planner = Require.present("planner", planner);
    }

    @Override
    public Allocation allocate(TaskSpec spec, List<RobotProfile> free) {
        Require.present("spec", spec);
        Optional<Vec3> target = firstTarget(spec);
        Optional<RobotProfile> nearest = free.stream().filter(r -> r.status().alive())
                .min(Comparator.comparingDouble((RobotProfile r) ->
                                target.map(t -> r.pose().position().distanceTo(t)).orElse(0.0))
                        .thenComparing(RobotProfile::id));
        if (nearest.isEmpty()) {
            return new Allocation(List.of(), List.of("no live robot is free"));
        }
        Planning planning = planner.planIgnoringBody(spec, nearest.get());
        return new Allocation(planning.plan().stream().toList(),
                planning.planned() ? List.of() : List.of(planning.refusal()));
    }

    @Override
    public String name() {
        return "nearest";
    }

    private Optional<Vec3> firstTarget(TaskSpec spec) {
        if (spec.objectId().isPresent()) {
            return memory.object(spec.objectId().get()).map(RememberedObject::position);
        }
        if (spec.objectClass().isPresent()) {
            return memory.lastSeenOfClass(spec.objectClass().get()).map(Sighting::where);
        }
        return memory.frontiers().stream().findFirst().map(Frontier::centroid);
    }
}
