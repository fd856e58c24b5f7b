package dev.loci.bench.peers;

import dev.loci.episodic.event.Event;
import dev.loci.runtime.LociConfig;
import dev.loci.spatial.objects.FusionSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Runs one workload on every store in the same process and the same run: durable ingest with fusion, events,
 * the query workloads (stores taking turns in rounds), a cross-check of their answers, reopen, footprint.
 */
final class Comparison {
    /** Batches a submitter keeps unacknowledged at most: Loci's writer queue, the same bound for every store. */
    static final int IN_FLIGHT_LIMIT = LociConfig.DEFAULT.queueCapacity();
    static final double GATE = FusionSettings.DEFAULT.gateMeters();
    private static final int WARMUP_QUERIES = 5_000;
    private static final int EVENT_CHUNK = 10_000;

    private final ComparisonSettings settings;
    private final Path models;
    private final PrintStream progress;

    /** {@code models}: where the embedding model is unpacked for the text workload (kept between runs). */
    Comparison(ComparisonSettings settings, Path models, PrintStream progress) {
        this.settings = settings;
        this.models = models;
        this.progress = progress;
    }

    /** Runs everything; the stores' files are deleted at the end. */
    ComparisonResult run() throws IOException {
        long start = System.nanoTime();
        progress.printf("generating workload: %,d observations in batches of %d, %,d events%n",
                settings.observations(), settings.batchSize(), settings.events());
        PeerWorkload workload = new PeerWorkload(settings.workload(), settings.observations(), settings.events(),
                settings.batchSize());
        Files.createDirectories(settings.directory());
        Path root = Files.createTempDirectory(settings.directory(), "peers-");
        List<PeerStore> stores = new ArrayList<>();
        List<StoreResult> results = new ArrayList<>();
        TextComparison.TextSummary text = null;
        try {
            for (StoreKind kind : settings.stores()) {
                Path dir = Files.createDirectory(root.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)));
                PeerStore store = kind.open(dir, GATE);
                stores.add(store);
                results.add(new StoreResult(store.name()));
            }
            ingest(stores, workload, results);
            for (int i = 0; i < stores.size(); i++) {
                record(stores.get(i), workload, results.get(i));
            }
            for (QueryKind kind : QueryKind.values()) {
                check(kind, stores, workload, results);
                measure(kind, stores, workload, results);
            }
            for (int i = 0; i < stores.size(); i++) {
                reopen(stores.get(i), workload, results.get(i));
            }
            // Last, so that reopen and footprint are those of the observation and event store alone.
            if (settings.textSamples() > 0) {
                text = new TextComparison(settings, models, progress).run(stores, workload, results);
            }
        } finally {
            for (PeerStore store : stores) {
                try {
                    store.close();
                } catch (IOException | RuntimeException e) {
                    progress.println("closing " + store.name() + " failed: " + e);
                }
            }
            delete(root);
        }
        progress.printf("comparison done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return new ComparisonResult(settings, workload.observationsPerFrame(), workload.distinctObjectsSeen, results,
                text);
    }

    /**
     * Durable ingest, in {@code rounds} slices of the observations: every store ingests a slice (timed until it
     * is durable), then the next store the same slice, so a change in machine load hits every store alike.
     */
    private void ingest(List<PeerStore> stores, PeerWorkload workload, List<StoreResult> results) throws IOException {
        List<List<dev.loci.spatial.observation.Observation>> batches = workload.batches;
        long[][] submitted = new long[stores.size()][batches.size()];
        long[][] acked = new long[stores.size()][batches.size()];
        long[] wallNanos = new long[stores.size()];
        long[] cpuNanos = new long[stores.size()];
        int perSlice = (batches.size() + settings.rounds() - 1) / settings.rounds();
        for (int from = 0; from < batches.size(); from += perSlice) {
            int to = Math.min(batches.size(), from + perSlice);
            for (int s = 0; s < stores.size(); s++) {
                PeerStore store = stores.get(s);
                long[] sent = submitted[s];
                long[] done = acked[s];
                long cpuAtStart = processCpuNanos() + store.externalCpuNanos();
                long start = System.nanoTime();
                List<CompletableFuture<Void>> acks = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    if (i - from >= IN_FLIGHT_LIMIT) {
                        acks.get(i - from - IN_FLIGHT_LIMIT).join();
                    }
                    int batch = i;
                    sent[batch] = System.nanoTime();
                    acks.add(store.ingest(batches.get(batch)).whenComplete((ok, failed) -> done[batch] = System.nanoTime()));
                }
                store.finish();
                acks.forEach(CompletableFuture::join);
                wallNanos[s] += System.nanoTime() - start;
                cpuNanos[s] += processCpuNanos() + store.externalCpuNanos() - cpuAtStart;
            }
            progress.printf("ingest %,d / %,d observations: %s%n", (long) to * settings.batchSize(),
                    settings.observations(), String.join(", ", java.util.stream.IntStream.range(0, stores.size())
                            .mapToObj(s -> String.format("%s %.1f s", stores.get(s).name(), wallNanos[s] / 1e9)).toList()));
        }
        for (int s = 0; s < stores.size(); s++) {
            PeerStore store = stores.get(s);
            StoreResult result = results.get(s);
            result.ingestSeconds = wallNanos[s] / 1e9;
            result.ingestCpuSeconds = cpuNanos[s] / 1e9;
            for (int i = 0; i < batches.size(); i++) {
                result.batchAcks.add(acked[s][i] - submitted[s][i]);
            }
            result.objects = store.objectCount();
            if (result.objects != results.get(0).objects) {
                throw new IllegalStateException(store.name() + " fused " + result.objects + " objects, Loci "
                        + results.get(0).objects + ": the stores did different work");
            }
            result.diskAfterObservations = store.bytesOnDisk();
            result.memoryAfterObservations = store.memoryBytes();
            result.memoryNote = store.memoryNote();
            progress.printf("[%s] ingested %,d observations in %.2f s (%.1f CPU s) = %,.0f obs/s -> %,d objects, "
                            + "%,d MB on disk%n", store.name(), settings.observations(), result.ingestSeconds,
                    result.ingestCpuSeconds, result.observationsPerSecond(settings.observations()), result.objects,
                    result.diskAfterObservations >> 20);
        }
    }

    private void record(PeerStore store, PeerWorkload workload, StoreResult result) throws IOException {
        long start = System.nanoTime();
        List<Event> events = workload.events;
        for (int from = 0; from < events.size(); from += EVENT_CHUNK) {
            store.record(events.subList(from, Math.min(events.size(), from + EVENT_CHUNK)));
            if ((from / EVENT_CHUNK) % 20 == 19) {
                progress.printf("[%s] events %,d / %,d, %.1f s%n", store.name(), from + EVENT_CHUNK, events.size(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        store.finish();
        result.eventSeconds = (System.nanoTime() - start) / 1e9;
        result.diskAfterEvents = store.bytesOnDisk();
        result.memoryAfterEvents = store.memoryBytes();
        progress.printf("[%s] recorded %,d events in %.1f s%n", store.name(), events.size(), result.eventSeconds);
    }

    /** Asks every store the first questions and counts answers that differ from the reference store's. */
    private void check(QueryKind kind, List<PeerStore> stores, PeerWorkload workload, List<StoreResult> results) {
        for (int i = 0; i < settings.checkedQueries(); i++) {
            Object expected = kind.ask(stores.get(0), workload, i);
            results.get(0).answerItems.merge(kind, (long) ((List<?>) expected).size(), Long::sum);
            for (int s = 1; s < stores.size(); s++) {
                Object actual = kind.ask(stores.get(s), workload, i);
                results.get(s).answerItems.merge(kind, (long) ((List<?>) actual).size(), Long::sum);
                if (!Objects.equals(expected, actual)) {
                    StoreResult r = results.get(s);
                    r.mismatches.merge(kind, 1, Integer::sum);
                    r.firstMismatch.putIfAbsent(kind, "question " + i + ": " + stores.get(0).name() + " " + expected
                            + " vs " + stores.get(s).name() + " " + actual);
                }
            }
        }
        progress.printf("%s: answers to %,d questions compared%n", kind.title, settings.checkedQueries());
    }

    private void measure(QueryKind kind, List<PeerStore> stores, PeerWorkload workload, List<StoreResult> results) {
        int warmup = Math.min(WARMUP_QUERIES, settings.samples());
        for (PeerStore store : stores) {
            for (int i = 0; i < warmup; i++) {
                kind.ask(store, workload, settings.checkedQueries() + i);
            }
        }
        int perRound = settings.samples() / settings.rounds();
        int next = settings.checkedQueries() + warmup;
        long sink = 0;
        for (int round = 0; round < settings.rounds(); round++) {
            for (int s = 0; s < stores.size(); s++) {
                PeerStore store = stores.get(s);
                Latencies latencies = results.get(s).queries.get(kind);
                for (int j = 0; j < perRound; j++) {
                    long t0 = System.nanoTime();
                    Object answer = kind.ask(store, workload, next + j);
                    latencies.add(System.nanoTime() - t0);
                    sink += answer.hashCode();
                }
            }
            next += perRound;
        }
        progress.printf("%s: %,d timed queries per store (%s)%n", kind.title, perRound * settings.rounds(),
                sink == 42 ? "!" : "done");
    }

    private void reopen(PeerStore store, PeerWorkload workload, StoreResult result) throws IOException {
        Object before = QueryKind.RADIUS.ask(store, workload, 0);
        for (int i = 0; i < settings.reopens(); i++) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long threadCpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            store.reopen();
            result.reopens.add(System.nanoTime() - t0);
            // A restarted server is a new process: all its CPU so far went into loading.
            result.reopenCpu.add(threads.getCurrentThreadCpuTime() - threadCpu0 + store.externalCpuNanos());
            if (store.objectCount() != result.objects || !before.equals(QueryKind.RADIUS.ask(store, workload, 0))) {
                throw new IllegalStateException(store.name() + " reopened with different contents");
            }
        }
        progress.printf("[%s] reopen: median %.3f s (CPU %.3f s)%n", store.name(), result.reopens.percentile(50) / 1e9,
                result.reopenCpu.percentile(50) / 1e9);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
