package dev.loci.runtime;

import java.util.Map;

/**
 * A point-in-time view of the runtime's counters.
 *
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
        Map<String, Long> rejectedByField) {

    public long rejectedInputs() {
        return rejectedByField.values().stream().mapToLong(Long::longValue).sum();
    }
}
