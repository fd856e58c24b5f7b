package dev.loci.sim.eval;

import dev.loci.sim.task.TaskResult;

/**
 * One scored task of an evaluation.
 *
 * @param kind {@code revisit} (the target stayed where the robots saw it) or {@code moved} (it was moved unseen)
 * @param mode {@code loci} (memory-guided) or {@code baseline} (memoryless frontier exploration)
 */
public record TaskRecord(String world, long seed, String kind, String mode, TaskResult result) {
}
