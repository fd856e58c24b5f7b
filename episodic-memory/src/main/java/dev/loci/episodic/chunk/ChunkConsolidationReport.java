package dev.loci.episodic.chunk;

/**
 * What one chunk consolidation pass did: closed sessions and episodes looked at, runs of redundant episodes
 * merged, and episodes folded into another (each run of n keeps one and folds n - 1).
 */
public record ChunkConsolidationReport(long sessionsExamined, long episodesExamined, long runsMerged,
                                       long episodesMerged) {
}
