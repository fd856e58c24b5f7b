package dev.loci.bench;

import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.ObservationAck;
import dev.loci.runtime.fleet.Delta;
import dev.loci.runtime.fleet.FleetSync;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
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
 * What fleet memory costs on the write path: 200,000 observations ingested in arrays of 100 into a fresh
 * store with fleet memory off and on (one delta log entry per array: a delta carries up to 256 observations),
 * timed until acknowledged; and a peer applying the same 200,000 as deltas ({@code applyPeer}, 20 deltas per
 * receive call). Score: microseconds per observation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(FleetIngestBenchmark.OBSERVATIONS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class FleetIngestBenchmark {
    static final int OBSERVATIONS = 200_000;
    private static final int IN_FLIGHT = LociConfig.DEFAULT.queueCapacity();
    private static final RobotId ORIGIN = RobotId.of("robot_1");

    @Param({"off", "on"})
    public String fleet;

    private List<List<Observation>> batches;
    private List<List<Delta>> peerDeltas;
    private Path directory;
    private LociRuntime runtime;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        batches = Workload.generate(WorkloadSettings.DEFAULT).observations().nextBatches(OBSERVATIONS, 100);
        Path source = TempDirectory.create("fleet-source");
        try (LociRuntime origin = LociRuntime.open(source, LociConfig.DEFAULT)) {
            FleetSync sync = origin.fleet(ORIGIN);
            ingestAll(origin);
            peerDeltas = new ArrayList<>();
            for (long after = 0; ; ) {
                List<Delta> page = sync.localDeltasAfter(after, 20).get();
                if (page.isEmpty()) {
                    break;
                }
                peerDeltas.add(page);
                after = page.get(page.size() - 1).seq();
            }
        } finally {
            TempDirectory.delete(source);
        }
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        directory = TempDirectory.create("fleet-ingest");
        runtime = LociRuntime.open(directory, LociConfig.DEFAULT);
        if (fleet.equals("on")) {
            runtime.fleet(RobotId.of("robot_peer"));
        }
    }

    @Benchmark
    public long ingestLocal() {
        return ingestAll(runtime);
    }

    @Benchmark
    public long applyPeer() throws Exception {
        if (fleet.equals("off")) {
            return ingestAll(runtime); // the same observations applied without fleet memory: the reference
        }
        FleetSync sync = runtime.fleet(RobotId.of("robot_peer"));
        List<CompletableFuture<?>> receipts = new ArrayList<>();
        for (int i = 0; i < peerDeltas.size(); i++) {
            if (i >= IN_FLIGHT) {
                receipts.get(i - IN_FLIGHT).join();
            }
            receipts.add(sync.receive(peerDeltas.get(i)));
        }
        CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).join();
        long applied = runtime.stats().observations();
        if (applied != OBSERVATIONS) {
            throw new IllegalStateException("applied " + applied + " of " + OBSERVATIONS);
        }
        return applied;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        try {
            runtime.close();
        } finally {
            TempDirectory.delete(directory);
        }
    }

    private long ingestAll(LociRuntime target) {
        List<CompletableFuture<List<ObservationAck>>> acks = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            if (i >= IN_FLIGHT) {
                acks.get(i - IN_FLIGHT).join();
            }
            acks.add(target.ingestAll(batches.get(i)));
        }
        long acknowledged = 0;
        for (CompletableFuture<List<ObservationAck>> ack : acks) {
            acknowledged += ack.join().size();
        }
        return acknowledged;
    }
}
