package dev.loci.runtime.fleet;

/**
 * @param vector       the version vector (applied, maybe not yet committed)
 * @param applied      peer deltas applied
 * @param duplicates   received deltas that were already applied or already waiting
 * @param profilesKept peer profile versions that lost to the current one under the conflict rule
 * @param refused      peer deltas that this memory refused as invalid (logged, skipped)
 */
public record FleetStats(VersionVector vector, long applied, long duplicates, long profilesKept, long refused) {
}
