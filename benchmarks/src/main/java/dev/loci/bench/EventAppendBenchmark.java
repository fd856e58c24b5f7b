package dev.loci.bench;

import dev.loci.bench.workload.EventStream;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable event append: 200,000 events of four robots into a fresh memory (default config, queue 16,384), each logged
 * with its time, place and object indexes, segmented and chunked into episodes and sessions, and acknowledged
 * once committed. Up to 10,000 events are in flight (acknowledgements lag one group commit behind), as a
 * publisher that does not wait for each acknowledgement would have; the write queue is sized to hold them
 * (16,384), since with the default 256 such a publisher is refused after the offer timeout on a loaded machine
 * (measured: "write queue full"), and a window small enough for 256 would cap the rate at window / commit
 * interval instead of measuring the store.
 * Score: microseconds per event; events/s = 1,000,000 / score.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(EventAppendBenchmark.EVENTS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EventAppendBenchmark {
    static final int EVENTS = 200_000;

    private List<Event> events;
    private Path directory;
    private LociRuntime runtime;

    @Setup(Level.Trial)
    public void generate() {
        EventStream stream = new EventStream(WorkloadSettings.DEFAULT);
        events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(stream.next());
        }
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        directory = TempDirectory.create("events");
        runtime = LociRuntime.open(directory, LociConfig.DEFAULT.withQueueCapacity(16_384));
    }

    @Benchmark
    public long append() throws Exception {
        int window = 10_000;
        ArrayDeque<CompletableFuture<StoredEvent>> inFlight = new ArrayDeque<>();
        long last = 0;
        for (Event event : events) {
            if (inFlight.size() == window) {
                last = inFlight.poll().get().id();
            }
            inFlight.add(runtime.record(event));
        }
        while (!inFlight.isEmpty()) {
            last = inFlight.poll().get().id();
        }
        return last;
    }

    @TearDown(Level.Iteration)
    public void closeAndDelete() throws IOException {
        runtime.close();
        TempDirectory.delete(directory);
    }
}
