package dev.loci.sim.task;

/**
 * How one task went.
 *
 * @param optimalM shortest collision-free path from the start to where the task counts as done (oracle)
 * @param pathM    distance the robot drove
 */
public record TaskResult(String task, boolean success, double seconds, double pathM, double optimalM) {
    /** Success weighted by (normalized inverse) path length: S * l / max(l, p). */
    public double spl() {
        if (!success) {
            return 0;
        }
        if (optimalM <= 1e-9) {
            return 1;
        }
        return optimalM / Math.max(optimalM, pathM);
    }
}
