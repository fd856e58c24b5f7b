package dev.loci.bench;

import dev.loci.bench.workload.EventStream;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@link EventAppendBenchmark}'s workload as a plain loop, for profiling (run it under JFR) and quick
 * before/after figures: {@code events} workload events of four robots recorded into a fresh store, 10,000 in
 * flight, write queue 16,384; prints events/s by wall clock and per CPU-second of the store's writer thread,
 * which does not depend on the machine's load.
 *
 * <p>{@code java -Xms2g -Xmx2g -cp benchmarks/target/loci-benchmarks.jar dev.loci.bench.EventAppendRun [events]
 * [rounds]} (defaults 50,000 and 2; the first round is a warm-up).
 */
public final class EventAppendRun {
    private EventAppendRun() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        EventStream stream = new EventStream(WorkloadSettings.DEFAULT);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(stream.next());
        }
        for (int round = 0; round < rounds; round++) {
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            Path directory = TempDirectory.create("event-append");
            try (LociRuntime runtime = LociRuntime.open(directory, LociConfig.DEFAULT.withQueueCapacity(16_384))) {
                long writerCpu = ThreadCpu.ofThread(ThreadCpu.STORE_WRITER);
                long commitsBefore = runtime.writerStats().commits();
                long commitNanosBefore = runtime.writerStats().commitNanos();
                long started = System.nanoTime();
                append(runtime, events);
                long nanos = System.nanoTime() - started;
                long cpu = ThreadCpu.ofThread(ThreadCpu.STORE_WRITER) - writerCpu;
                long commits = runtime.writerStats().commits() - commitsBefore;
                long commitNanos = runtime.writerStats().commitNanos() - commitNanosBefore;
                System.out.printf(Locale.ROOT, "round %d%s: %d events in %.2f s = %.0f events/s (%.1f us/event);"
                                + " writer thread CPU %.2f s = %.0f events per writer CPU-second; load %s%n", round,
                        round == 0 ? " (warm-up)" : "", count, nanos / 1e9, count / (nanos / 1e9), nanos / 1e3 / count,
                        cpu / 1e9, count / (cpu / 1e9), load);
                System.out.printf(Locale.ROOT, "  %d commits taking %.2f s in all (%.2f ms each, %.1f us per event)%n",
                        commits, commitNanos / 1e9, commitNanos / 1e6 / Math.max(1, commits), commitNanos / 1e3 / count);
            } finally {
                TempDirectory.delete(directory);
            }
        }
    }

    private static void append(LociRuntime runtime, List<Event> events) throws Exception {
        int window = 10_000;
        ArrayDeque<CompletableFuture<StoredEvent>> inFlight = new ArrayDeque<>();
        for (Event event : events) {
            if (inFlight.size() == window) {
                inFlight.poll().get();
            }
            inFlight.add(runtime.record(event));
        }
        while (!inFlight.isEmpty()) {
            inFlight.poll().get();
        }
    }
}
