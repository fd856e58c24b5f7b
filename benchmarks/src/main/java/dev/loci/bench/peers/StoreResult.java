package dev.loci.bench.peers;

import java.util.EnumMap;
import java.util.Map;

/** What one store did in a comparison run. Filled in phase by phase by {@link Comparison}. */
final class StoreResult {
    final String name;
    double ingestSeconds;
    /** CPU seconds the ingest took: this JVM (all threads, GC and JIT included) plus the store's server process. */
    double ingestCpuSeconds;
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
    /** CPU time of each reopen: the reopening thread, plus the store's server process. */
    final Latencies reopenCpu = new Latencies();
    /** Objects or events in this store's answers to the compared questions, per kind: shows the answers are not empty. */
    final Map<QueryKind, Long> answerItems = new EnumMap<>(QueryKind.class);

    final Latencies textQueries = new Latencies();
    double textIndexSeconds;
    long textItems;
    long diskAfterTexts;
    private double recallSum;
    private int recallCount;
    private double recallMin = 1.0;
    /** The question with the lowest recall and this store's answer to it, to look into. */
    String worstRecall = "";

    StoreResult(String name) {
        this.name = name;
        for (QueryKind kind : QueryKind.values()) {
            queries.put(kind, new Latencies());
            mismatches.put(kind, 0);
            answerItems.put(kind, 0L);
        }
    }

    double observationsPerSecond(int observations) {
        return observations / ingestSeconds;
    }

    void addRecall(double recall, String question, java.util.List<String> answer) {
        recallSum += recall;
        recallCount++;
        if (recall < recallMin) {
            recallMin = recall;
            worstRecall = String.format("'%s' -> %s", question, answer);
        }
    }

    /** Mean recall@10 of this store's text answers against the exact float32 ranking. */
    double meanRecall() {
        return recallCount == 0 ? Double.NaN : recallSum / recallCount;
    }

    double minRecall() {
        return recallMin;
    }

    int totalMismatches() {
        return mismatches.values().stream().mapToInt(Integer::intValue).sum();
    }
}
