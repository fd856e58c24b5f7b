package dev.loci.planner.allocation;

import dev.loci.planner.task.Plan;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/** The robot chosen for a task with its plan, or none; and why each robot passed over was not chosen. */
public record Allocation(Optional<Plan> plan, List<String> refusals) {
    public Allocation {
        Require.present("plan", plan);
        refusals = List.copyOf(Require.present("refusals", refusals));
    }
}
