package dev.loci.bench.peers;

import java.util.EnumMap;
import java.util.Map;

/** What one store did in a comparison run. Filled in phase by phase by {@link Comparison}. */
final class StoreResult {
    final String name;
    double ingestSeconds;
    final Latencies batchAcks = new Latencies();
    double eventSeconds;
    long objects;
    long diskAfterObservations;
    long memoryAfterObservations;
    long diskAfterEvents;
    long memoryAfterEvents;
    String memoryNote;
    final Map<QueryKind, Latencies> queries = new EnumMap<>(QueryKind.class);
    /** Questions whose answer differed from the reference store's, per kind. */
    final Map<QueryKind, Integer> mismatches = new EnumMap<>(QueryKind.class);
    final Map<QueryKind, String> firstMismatch = new EnumMap<>(QueryKind.class);
    final Latencies reopens = new Latencies();

    StoreResult(String name) {
        this.name = name;
        for (QueryKind kind : QueryKind.values()) {
            queries.put(kind, new Latencies());
            mismatches.put(kind, 0);
        }
    }

    double observationsPerSecond(int observations) {
        return observations / ingestSeconds;
    }

    int totalMismatches() {
        return mismatches.values().stream().mapToInt(Integer::intValue).sum();
    }
}
