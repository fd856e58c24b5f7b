package dev.loci.episodic.chunk;

/**
 * @param events          events observed (all robots), forgotten ones included
 * @param openEvents      events not yet in a closed episode
 * @param episodes        closed episodes (in the chunk map, with or without detail)
 * @param sessions        closed sessions (in the chunk map)
 * @param heldEvents      events whose id and time are still in memory (forgotten pages leave)
 * @param indexedEpisodes episodes in the retrieval index (those with detail)
 * @param indexBytes      bytes the in-memory index holds, from its arrays' lengths plus estimated object headers:
 *                        an accounting that does not depend on the garbage collector, not a heap measurement
 */
public record ChunkStats(long events, long openEvents, long episodes, long sessions, long heldEvents,
                         long indexedEpisodes, long indexBytes) {
}
