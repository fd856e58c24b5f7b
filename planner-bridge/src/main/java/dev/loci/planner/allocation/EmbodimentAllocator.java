package dev.loci.planner.allocation;

import dev.loci.planner.task.Plan;
import dev.loci.planner.task.Planning;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.task.TaskSpec;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives a task to the robot that can do it soonest: each live, charged robot gets a plan within its body
 * (skills, reach, payload) with path distances from spatial memory, and the plans are ranked cheapest first. Cost
 * is the plan's estimated time, raised for robots low on battery so that a tie goes to the fuller one.
 */
public final class EmbodimentAllocator implements Allocator {
    /** A robot below this charge gets no new work. */
    public static final double BATTERY_RESERVE = 0.15;
    /** Cost multiplier at an empty battery (linear in the charge used). */
    private static final double LOW_BATTERY_PENALTY = 0.5;

    private final TaskPlanner planner;

    public EmbodimentAllocator(TaskPlanner planner) {
        this.planner = Require.present("planner", planner);
    }

    @Override
    public Allocation allocate(TaskSpec spec, List<RobotProfile> free) {
        Require.present("spec", spec);
        List<String> refusals = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        List<RobotProfile> robots = new ArrayList<>(free);
        robots.sort(Comparator.comparing(RobotProfile::id));
        for (RobotProfile robot : robots) {
            if (!robot.status().alive() || robot.status() == RobotStatus.CHARGING) {
                refusals.add("robot " + robot.id() + " is " + robot.status());
            } else if (robot.battery() < BATTERY_RESERVE) {
                refusals.add("robot " + robot.id() + " has " + Math.round(robot.battery() * 100) + "% battery");
            } else {
                Planning planning = planner.plan(spec, robot);
                planning.plan().ifPresentOrElse(plans::add, () -> refusals.add(planning.refusal()));
            }
        }
        plans.sort(Comparator.comparingDouble((Plan p) -> cost(p, free)).thenComparing(Plan::robot));
        return new Allocation(plans, refusals);
    }

    @Override
    public String name() {
        return "embodiment";
    }

    private static double cost(Plan plan, List<RobotProfile> free) {
        double battery = free.stream().filter(r -> r.id().equals(plan.robot())).findFirst()
                .map(RobotProfile::battery).orElse(1.0);
        return plan.estimatedSeconds() * (1 + LOW_BATTERY_PENALTY * (1 - battery));
    }
}
