package dev.loci.bench;

import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.RuntimeStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up: opening a closed memory of 1,000,000 observations (~19k objects) and 1,000,000 events, which
 * rebuilds the in-memory indexes from the store. The store is built and closed once per trial; each
 * iteration opens it (timed) and closes it again (not timed). The files stay in the OS page cache between
 * iterations, so this is a warm reopen; a cold boot adds reading the file from disk.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class ReopenBenchmark {
    static final int OBSERVATIONS = 1_000_000;
    static final int EVENTS = 1_000_000;

    private Path directory;
    private long objectsBeforeClose;
    private LociRuntime reopened;

    @Setup(Level.Trial)
    public void buildAndClose() throws IOException {
        directory = TempDirectory.create("reopen");
        try (LociRuntime filled = FilledMemory.fill(directory, Workload.generate(WorkloadSettings.DEFAULT),
                OBSERVATIONS, EVENTS).runtime()) {
            objectsBeforeClose = filled.stats().objects();
        }
    }

    @Benchmark
    public LociRuntime reopen() throws IOException {
        reopened = LociRuntime.open(directory, LociConfig.DEFAULT);
        return reopened;
    }

    /** Checks that the reopened memory is the one closed, then closes it for the next iteration. */
    @TearDown(Level.Iteration)
    public void checkAndClose() throws IOException {
        RuntimeStats stats = reopened.stats();
        reopened.close();
        if (stats.observations() != OBSERVATIONS || stats.events() != EVENTS || stats.objects() != objectsBeforeClose) {
            throw new IllegalStateException("reopened memory differs from the one closed: " + stats);
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        TempDirectory.delete(directory);
    }
}
