package dev.loci.episodic.chunk;

/**
 * @param events     events in memory (all robots)
 * @param openEvents events not yet in a closed episode
 * @param episodes   closed episodes
 * @param sessions   closed sessions
 */
public record ChunkStats(long events, long openEvents, long episodes, long sessions) {
}
