package dev.loci.planner.task;

import dev.loci.spatial.validation.Require;
import java.util.Optional;

/** A plan for one robot, or why that robot cannot do the task (said so a planner or operator can act on it). */
public record Planning(Optional<Plan> plan, String refusal) {
    public Planning {
        Require.present("plan", plan);
        Require.present("refusal", refusal);
    }

    public static Planning of(Plan plan) {
        return new Planning(Optional.of(plan), "");
    }

    public static Planning refused(String why) {
        return new Planning(Optional.empty(), why);
    }

    public boolean planned() {
        return plan.isPresent();
    }
}
