package dev.loci.planner.fleet;

import dev.loci.spatial.provenance.RobotId;

/**
 * The planner's side of the boundary to one robot (over ROS 2, in a simulator, or a test's fake): what the
 * robot is told. What it says back (outcomes, progress, heartbeats) goes to {@link RobotReports}.
 * Implementations must not block: the coordinator calls them while holding its lock.
 */
public interface RobotLink {
    RobotId robot();

    /** Starts a skill. Its outcome comes back later through {@link RobotReports#outcome}. */
    void execute(SkillCommand command);

    /** Stops whatever the robot runs for this task: it was given to another robot. */
    void cancel(String taskId);
}
