package dev.loci.runtime;

import java.util.Map;

/**
 * A point-in-time view of the runtime's counters.
 *
 * @param episodicIndexBytes what chunk memory's in-memory index holds, from its arrays' lengths (see
 *                           {@code ChunkStats.indexBytes}): bounded when forgetting keeps up, independent of GC
 * @param rejectedByField bad inputs refused before they reached memory, keyed by the offending field
 */
public record RuntimeStats(
        long observations,
        long objects,
        long frames,
        long events,
        long profiles,
        long blobs,
        long commits,
        long rejectedQueueFull,
        long failedWrites,
        long episodicIndexBytes,
        Map<String, Long> rejectedByField) {

    public long rejectedInputs() {
        return rejectedByField.values().stream().mapToLong(Long::longValue).sum();
    }
}
