package dev.loci.episodic.working;

import dev.loci.episodic.segment.AttributeKeys;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * @param maxFinishedSubgoals finished subgoal summaries a view keeps (the latest); older ones are counted only
 * @param maxCurrentEvents    events of the current subgoal a view keeps (the latest); earlier ones are counted
 *                            only (the subgoal's summary still covers them when it ends)
 * @param keys                which attributes name the task and the subgoal
 */
public record WorkingMemorySettings(int maxFinishedSubgoals, int maxCurrentEvents, AttributeKeys keys) {
    public static final WorkingMemorySettings DEFAULT = new WorkingMemorySettings(8, 16, AttributeKeys.DEFAULT);

    public WorkingMemorySettings {
        if (maxFinishedSubgoals < 1 || maxFinishedSubgoals > 256) {
            throw new InvalidValueException("maxFinishedSubgoals", maxFinishedSubgoals, "must be in [1, 256]");
        }
        if (maxCurrentEvents < 1 || maxCurrentEvents > 1024) {
            throw new InvalidValueException("maxCurrentEvents", maxCurrentEvents, "must be in [1, 1024]");
        }
        Require.present("keys", keys);
    }
}
