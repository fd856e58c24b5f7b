package dev.loci.launch.demo;

import dev.loci.planner.task.Plan;
import dev.loci.planner.task.Skill;
import dev.loci.planner.task.SkillStep;
import dev.loci.planner.task.Task;
import dev.loci.sim.eval.OracleMap;
import dev.loci.sim.task.Reach;
import dev.loci.sim.task.SimRobotLink;
import dev.loci.sim.world.World;
import dev.loci.spatial.geometry.Vec3;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest path a task needed, on the true world (for SPL): from where the robot that completed it stood when
 * its plan started to within reach of the object, and for a fetch from where it picked to within reach of the
 * destination. Paths are the oracle's, for that robot's body.
 */
final class Shortest {
    private final World world;
    private final Map<String, FleetMember> fleet = new HashMap<>();
    private final Map<String, OracleMap> oracles = new HashMap<>();

    Shortest(World world, List<FleetMember> members) {
        this.world = world;
        members.forEach(m -> fleet.put(m.name(), m));
    }

    double of(Task task, Map<String, SimRobotLink> links) {
        Plan plan = task.plan().orElseThrow();
        String robot = plan.robot().name();
        SimRobotLink.Trace trace = links.get(robot).traces().get(task.id());
        if (trace == null) {
            return 0;
        }
        OracleMap oracle = oracles.computeIfAbsent(robot, r -> new OracleMap(world, fleet.get(r).body()));
        double metres = 0;
        for (SkillStep step : plan.steps()) {
            if (step.skill() == Skill.PICK || step.skill() == Skill.SEARCH) {
                metres += leg(oracle, trace.startX(), trace.startY(), step.target());
            } else if (step.skill() == Skill.PLACE && trace.pickedAt().isPresent()) {
                double[] at = trace.pickedAt().get();
                metres += leg(oracle, at[0], at[1], step.target());
            }
        }
        return metres;
    }

    private static double leg(OracleMap oracle, double x, double y, Vec3 goal) {
        double d = oracle.shortestToReach(x, y, goal);
        return Double.isFinite(d) ? d : Math.max(0, Math.hypot(goal.x() - x, goal.y() - y) - Reach.RADIUS);
    }
}
