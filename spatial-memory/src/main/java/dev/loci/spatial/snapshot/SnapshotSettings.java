package dev.loci.spatial.snapshot;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * @param minSightings  an object must have been seen this many times before snapshots must cover it
 * @param slack         incremental additions may grow the set to (1 + slack) x the last full greedy cover
 *                      before the cover is recomputed from scratch
 * @param maxCandidates frames kept as candidates; beyond this the oldest non-snapshot frames are dropped
 */
public record SnapshotSettings(int minSightings, double slack, int maxCandidates) {
    public static final SnapshotSettings DEFAULT = new SnapshotSettings(3, 0.15, 2_000);

    public SnapshotSettings {
        if (minSightings < 1) {
            throw new InvalidValueException("minSightings", minSightings, "must be at least 1");
        }
        Require.inRange("slack", slack, 0, 1);
        if (maxCandidates < 1) {
            throw new InvalidValueException("maxCandidates", maxCandidates, "must be at least 1");
        }
    }
}
