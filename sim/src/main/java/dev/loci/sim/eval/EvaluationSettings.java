package dev.loci.sim.eval;

import dev.loci.spatial.validation.Require;

/**
 * @param episodes       episodes per world (seeds 1..N)
 * @param revisitTasks   tasks per episode whose target stayed in place
 * @param movedTasks     tasks per episode whose target was moved while no robot watched
 * @param moveFraction   share of the objects moved between exploration and the tasks
 * @param exploreSeconds most simulated time the two-robot team explores to fill memory
 * @param taskSeconds    most simulated time one task may take
 */
public record EvaluationSettings(int episodes, int revisitTasks, int movedTasks, double moveFraction,
                                 double exploreSeconds, double taskSeconds) {
    public static final EvaluationSettings DEFAULT = new EvaluationSettings(5, 3, 1, 0.3, 400, 300);

    public EvaluationSettings {
        Require.inRange("episodes", episodes, 1, 1000);
        Require.inRange("revisitTasks", revisitTasks, 0, 50);
        Require.inRange("movedTasks", movedTasks, 0, 50);
        Require.inRange("moveFraction", moveFraction, 0, 1);
        Require.inRange("exploreSeconds", exploreSeconds, 1, 100_000);
        Require.inRange("taskSeconds", taskSeconds, 1, 100_000);
    }
}
