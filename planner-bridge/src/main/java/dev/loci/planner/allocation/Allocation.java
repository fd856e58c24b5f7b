package dev.loci.planner.allocation;

import dev.loci.planner.task.Plan;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * The robots an allocator would give a task to, best first, each with its plan; and why each robot passed over
 * was not. The coordinator takes the first, unless several tasks compete for the same robots.
 */
public record Allocation(List<Plan> options, List<String> refusals) {
    public Allocation {
        options = List.copyOf(Require.present("options", options));
        refusals = List.copyOf(Require.present("refusals", refusals));
    }

    /** The allocator's choice. */
    public Optional<Plan> plan() {
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(0));
    }

    /**
     * What it would cost to give the task its second-best robot instead of its best (plan seconds); infinite
     * when there is no second choice. The task that would lose most by waiting is served first.
     */
    public double regret() {
        return options.size() < 2 ? Double.POSITIVE_INFINITY
                : options.get(1).estimatedSeconds() - options.get(0).estimatedSeconds();
    }
}
