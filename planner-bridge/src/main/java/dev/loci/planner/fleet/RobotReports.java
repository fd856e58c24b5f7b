package dev.loci.planner.fleet;

import dev.loci.spatial.provenance.RobotId;

/** What robots tell the planner: that they are alive, how far a step is, and how it ended. */
public interface RobotReports {
    /** The robot is alive. Any report counts as a heartbeat too. */
    void heartbeat(RobotId robot);

    /** How far the robot is through a step, in [0, 1]; for display, and proof of life. */
    void progress(RobotId robot, String taskId, int step, double fraction);

    /** How a step ended; a report that is not about the robot's current step is ignored and counted. */
    OutcomeReceipt outcome(StepOutcome outcome);
}
