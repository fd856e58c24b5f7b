package dev.loci.bench.peers;

import dev.loci.bench.workload.WorkloadSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One comparison run.
 *
 * @param stores         stores to compare; the first is the reference for answers and ratios (Loci)
 * @param observations   observations ingested (durably, with fusion)
 * @param events         events recorded for the time-window query
 * @param batchSize      observations per ingest call, as a detector publishes them
 * @param samples        timed queries per store and query kind
 * @param textSamples    timed text queries per store (each embeds its question; 0 leaves the text workload out)
 * @param rounds         ingest and the query samples are split into this many rounds, stores taking turns, so
 *                       a change in machine load hits every store alike
 * @param checkedQueries questions per query kind whose answers are compared across stores
 * @param reopens        reopen measurements per store
 * @param directory      where the stores' files go (a fresh subdirectory per store), deleted afterwards
 */
record ComparisonSettings(WorkloadSettings workload, List<StoreKind> stores, int observations, int events,
                          int batchSize, int samples, int textSamples, int rounds, int checkedQueries, int reopens, Path directory) {
    ComparisonSettings {
        if (stores.isEmpty() || stores.get(0) != StoreKind.LOCI) {
            throw new IllegalArgumentException("stores must start with LOCI (the reference): " + stores);
        }
        if (observations < batchSize || batchSize < 1 || events < QueryKind.EVENTS_PER_WINDOW || samples < rounds
                || rounds < 1 || (textSamples != 0 && textSamples < rounds) || textSamples < 0 || checkedQueries < 0 || reopens < 0) {
            throw new IllegalArgumentException("inconsistent settings: observations " + observations + ", batch "
                    + batchSize + ", events " + events + ", samples " + samples + ", rounds " + rounds);
        }
        stores = List.copyOf(stores);
    }
}
