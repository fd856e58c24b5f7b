package dev.loci.bench;

import dev.loci.bench.workload.ObservationStream;
import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.ObservationAck;
import dev.loci.runtime.RuntimeStats;
import dev.loci.spatial.observation.Observation;
import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable ingest: 1,000,000 observations with fusion into a fresh memory on disk (default config: 50 ms
 * group commit), submitted in arrays of {@link #batchSize} like a detector publishes them (at most
 * {@link #IN_FLIGHT_LIMIT} arrays unacknowledged), timed until the last one is acknowledged (= committed).
 * One invocation per iteration; each iteration starts from an empty store in a new temp directory, deleted
 * afterwards.
 *
 * <p>JMH's score is microseconds per observation (the invocation time divided by 1,000,000); observations/s
 * is 1,000,000 / score. Each iteration also prints a summary with observations/s, commits and ack latency,
 * and the CPU time of the store's writer thread, which does not depend on how busy the machine is.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(IngestBenchmark.OBSERVATIONS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class IngestBenchmark {
    static final int OBSERVATIONS = 1_000_000;
    /**
     * Like a publisher that honours backpressure, never keep more batches unacknowledged than the writer's
     * queue holds: a flood beyond that is refused after the offer timeout, by design.
     */
    static final int IN_FLIGHT_LIMIT = LociConfig.DEFAULT.queueCapacity();

    @Param("100")
    public int batchSize;

    private List<List<Observation>> batches;
    private int distinctObjectsSeen;
    private Path directory;
    private LociRuntime runtime;
    private long[] submittedAt;
    private long[] ackedAt;
    private long startNanos;
    private long submittedNanos;
    private long lastAckNanos;
    private long writerCpuNanos;
    private long submitterCpuNanos;
    private long processCpuNanos;

    /** Generated up front so the timed part is Loci's work only (and every iteration ingests the same). */
    @Setup(Level.Trial)
    public void generateObservations() {
        ObservationStream stream = Workload.generate(WorkloadSettings.DEFAULT).observations();
        batches = stream.nextBatches(OBSERVATIONS, batchSize);
        distinctObjectsSeen = stream.distinctObjectsSeen();
    }

    @Setup(Level.Iteration)
    public void openEmptyMemory() throws IOException {
        directory = TempDirectory.create("ingest");
        runtime = LociRuntime.open(directory, LociConfig.DEFAULT);
        submittedAt = new long[batches.size()];
        ackedAt = new long[batches.size()];
    }

    @Benchmark
    public long ingest() {
        long writerCpuAtStart = ThreadCpu.ofThread(ThreadCpu.STORE_WRITER);
        long submitterCpuAtStart = ThreadCpu.ofCurrentThread();
        long processCpuAtStart = ThreadCpu.ofProcess();
        startNanos = System.nanoTime();
        List<CompletableFuture<List<ObservationAck>>> acks = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            if (i >= IN_FLIGHT_LIMIT) {
                // Acks complete in order, so after this at most IN_FLIGHT_LIMIT batches are unacknowledged.
                acks.get(i - IN_FLIGHT_LIMIT).join();
            }
            int batch = i;
            submittedAt[batch] = System.nanoTime();
            acks.add(runtime.ingestAll(batches.get(batch))
                    .whenComplete((done, failed) -> ackedAt[batch] = System.nanoTime()));
        }
        submittedNanos = System.nanoTime();
        long acknowledged = 0;
        for (CompletableFuture<List<ObservationAck>> ack : acks) {
            acknowledged += ack.join().size();
        }
        lastAckNanos = System.nanoTime();
        writerCpuNanos = ThreadCpu.ofThread(ThreadCpu.STORE_WRITER) - writerCpuAtStart;
        submitterCpuNanos = ThreadCpu.ofCurrentThread() - submitterCpuAtStart;
        processCpuNanos = ThreadCpu.ofProcess() - processCpuAtStart;
        if (acknowledged != OBSERVATIONS) {
            throw new IllegalStateException("acknowledged " + acknowledged + " of " + OBSERVATIONS);
        }
        return acknowledged;
    }

    @TearDown(Level.Iteration)
    public void closeAndDelete() throws IOException {
        try {
            RuntimeStats stats = runtime.stats();
            long bytes = runtime.bytesOnDisk();
            runtime.close();
            printSummary(stats, bytes);
            if (stats.objects() != distinctObjectsSeen) {
                throw new IllegalStateException("fusion made " + stats.objects() + " objects from "
                        + distinctObjectsSeen + " distinct objects seen");
            }
        } finally {
            TempDirectory.delete(directory);
        }
    }

    private void printSummary(RuntimeStats stats, long bytes) {
        double seconds = (lastAckNanos - startNanos) / 1e9;
        long[] latencies = new long[submittedAt.length];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = ackedAt[i] - submittedAt[i];
        }
        Percentiles ack = new Percentiles(latencies);
        System.out.printf("%ningest: %,d observations in %.2f s = %,.0f obs/s (all submitted after %.2f s); "
                        + "%,d objects, %,d commits (mean %.0f ms apart), %,d MB on disk; "
                        + "batch ack latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                OBSERVATIONS, seconds, OBSERVATIONS / seconds, (submittedNanos - startNanos) / 1e9,
                stats.objects(), stats.commits(), seconds * 1000 / Math.max(1, stats.commits()), bytes >> 20,
                ack.at(50) / 1e6, ack.at(99) / 1e6, ack.max() / 1e6);
        // The writer thread does all the store's work: its CPU time bounds throughput on a dedicated core.
        System.out.printf("ingest CPU: writer thread %.2f s (= %,.0f obs per writer CPU-second), submitting thread "
                        + "%.2f s, whole JVM %.2f s, in %.2f s of wall time%n",
                writerCpuNanos / 1e9, OBSERVATIONS / (writerCpuNanos / 1e9), submitterCpuNanos / 1e9,
                processCpuNanos / 1e9, seconds);
    }
}
