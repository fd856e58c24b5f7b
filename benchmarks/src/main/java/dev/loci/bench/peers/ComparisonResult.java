package dev.loci.bench.peers;

import java.io.PrintStream;
import java.util.List;

/**
 * The figures of one run and their table. Ratios are speed ratios, Loci over the peer: above 1 means Loci is
 * ahead (for latencies: the peer's latency divided by Loci's; for ingest: Loci's obs/s divided by the peer's).
 */
record ComparisonResult(ComparisonSettings settings, double observationsPerFrame, int distinctObjects,
                        List<StoreResult> stores, TextComparison.TextSummary text) {
    /** Detection frames per second of the robot the footprint is quoted for. */
    static final double DETECTION_HZ = 10.0;

    StoreResult loci() {
        return stores.get(0);
    }

    int mismatches() {
        return stores.stream().mapToInt(StoreResult::totalMismatches).sum();
    }

    /** Observations one robot at {@link #DETECTION_HZ} Hz produces in an hour with this workload's frame contents. */
    double observationsPerHour() {
        return DETECTION_HZ * 3600 * observationsPerFrame;
    }

    void print(PrintStream out) {
        int n = settings.observations();
        out.printf("%nPeers: %,d observations (-> %,d objects), %,d events, batches of %d; %,d timed queries per store "
                        + "and workload in %d rounds; ratios = Loci's speed / the peer's (>1: Loci ahead)%n",
                n, distinctObjects, settings.events(), settings.batchSize(), settings.samples(), settings.rounds());
        StringBuilder header = new StringBuilder(String.format("%-34s", "workload"));
        for (StoreResult s : stores) {
            header.append(String.format(" %22s", s.name + " p50 / p99"));
        }
        for (StoreResult s : stores.subList(1, stores.size())) {
            header.append(String.format(" %20s", "Loci/" + s.name + " p50/p99"));
        }
        out.println(header);
        StringBuilder ingest = new StringBuilder(String.format("%-34s", "durable ingest + fusion, obs/s"));
        for (StoreResult s : stores) {
            ingest.append(String.format(" %22s", String.format("%,.0f", s.observationsPerSecond(n))));
        }
        for (StoreResult s : stores.subList(1, stores.size())) {
            ingest.append(String.format(" %20s", String.format("%.2fx", loci().observationsPerSecond(n)
                    / s.observationsPerSecond(n))));
        }
        out.println(ingest);
        StringBuilder cpu = new StringBuilder(String.format("%-34s", "  obs per CPU-second (load-free)"));
        for (StoreResult s : stores) {
            cpu.append(String.format(" %22s", String.format("%,.0f", n / s.ingestCpuSeconds)));
        }
        for (StoreResult s : stores.subList(1, stores.size())) {
            cpu.append(String.format(" %20s", String.format("%.2fx", s.ingestCpuSeconds / loci().ingestCpuSeconds)));
        }
        out.println(cpu);
        // Not a like-for-like latency: Loci queues up to 256 batches ahead of its writer, the peers make the caller wait.
        out.println(latencyRow("  batch submit-to-durable, ms", stores.stream().map(s -> s.batchAcks).toList(), 1e6, false));
        for (QueryKind kind : QueryKind.values()) {
            out.println(latencyRow(kind.title + ", us", stores.stream().map(s -> s.queries.get(kind)).toList(), 1e3, true));
        }
        if (text == null) {
            out.printf("%-34s %s%n", "text query top-10", "not run (--text-samples 0)");
        } else {
            out.println(latencyRow(String.format("text query top-10 of %,d, us", text.items()),
                    stores.stream().map(s -> s.textQueries).toList(), 1e3, true));
            Latencies embed = text.questionEmbedding();
            out.printf("%-34s %22s  (the model alone; part of every store's text query above)%n",
                    "  question embedding alone, us", fmt(embed.percentile(50) / 1e3) + " / " + fmt(embed.percentile(99) / 1e3));
            StringBuilder recall = new StringBuilder(String.format("%-34s", "  recall@10 vs exact float32"));
            for (StoreResult s : stores) {
                recall.append(String.format(" %22s", String.format("%.4f (min %.2f)", s.meanRecall(), s.minRecall())));
            }
            out.println(recall);
            for (StoreResult s : stores) {
                if (s.minRecall() < 1.0) {
                    out.printf("  worst text answer of %s (recall %.2f): %s%n", s.name, s.minRecall(), s.worstRecall);
                }
            }
        }

        double hours = n / observationsPerHour();
        out.printf("%nFootprint: %,d observations = %.2f h of one robot detecting at %.0f Hz (%.1f observations per "
                + "frame)%n", n, hours, DETECTION_HZ, observationsPerFrame);
        out.printf("%-8s %14s %14s %16s %14s %14s %14s %20s %13s%n", "store", "disk, MB", "disk MB/hour", "disk +events, MB",
                "memory, MB", "memory MB/h", "+events, MB", "reopen s p50 / max", "reopen CPU s");
        for (StoreResult s : stores) {
            out.printf("%-8s %14.1f %14.1f %16.1f %14.1f %14.1f %14.1f %20s %13.3f%n", s.name, mb(s.diskAfterObservations),
                    mb(s.diskAfterObservations) / hours, mb(s.diskAfterEvents), mb(s.memoryAfterObservations),
                    mb(s.memoryAfterObservations) / hours, mb(s.memoryAfterEvents),
                    String.format("%.3f / %.3f", s.reopens.percentile(50) / 1e9, s.reopens.max() / 1e9),
                    s.reopenCpu.percentile(50) / 1e9);
        }
        for (StoreResult s : stores) {
            out.printf("  memory of %s: %s%n", s.name, s.memoryNote);
        }
        out.printf("%nevent recording (not a workload; feeds the window query): %s%n",
                String.join(", ", stores.stream().map(s -> String.format("%s %,.0f events/s", s.name,
                        settings.events() / s.eventSeconds)).toList()));
        if (text != null) {
            out.printf("text workload: %,d distinct texts embedded once in %.1f s and shared by all stores; %d "
                    + "questions asked in turn; indexing (not timed as a workload): %s; disk with texts: %s%n",
                    text.distinctTexts(), text.corpusEmbedSeconds(), text.questions(),
                    String.join(", ", stores.stream().map(s -> String.format("%s %.1f s", s.name, s.textIndexSeconds)).toList()),
                    String.join(", ", stores.stream().map(s -> String.format("%s %.1f MB", s.name, mb(s.diskAfterTexts))).toList()));
        }
        for (StoreResult s : stores.subList(1, stores.size())) {
            out.printf("answers of %s vs Loci: %s%n", s.name, s.totalMismatches() == 0
                    ? "all " + settings.checkedQueries() + " questions of each workload identical"
                    : s.mismatches + " differ; first: " + s.firstMismatch);
        }
    }

    private String latencyRow(String title, List<Latencies> latencies, double unit, boolean ratios) {
        StringBuilder row = new StringBuilder(String.format("%-34s", title));
        for (Latencies l : latencies) {
            row.append(String.format(" %22s", String.format("%s / %s", fmt(l.percentile(50) / unit),
                    fmt(l.percentile(99) / unit))));
        }
        Latencies reference = latencies.get(0);
        for (int i = 1; i < latencies.size() && !ratios; i++) {
            row.append(String.format(" %20s", "(queueing differs)"));
        }
        for (Latencies l : ratios ? latencies.subList(1, latencies.size()) : List.<Latencies>of()) {
            row.append(String.format(" %20s", String.format("%.1fx / %.1fx",
                    l.percentile(50) / (double) reference.percentile(50), l.percentile(99) / (double) reference.percentile(99))));
        }
        return row.toString();
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
