package dev.loci.bench;

import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.Sighting;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Versioned;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * In-process query latency on a memory holding 1,000,000 observations (fused into ~19k objects of 50
 * classes), 1,000,000 events of 4 robots and 4 robot profiles; built once per trial in a temp directory.
 * SampleTime mode: JMH times individual calls and prints percentiles (p0.50, p0.99, ...) in microseconds.
 * Arguments are random but precomputed from a fixed seed ({@link QueryInputs}). Run single-threaded.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class QueryBenchmark {
    static final int OBSERVATIONS = 1_000_000;
    static final int EVENTS = 1_000_000;
    static final double RADIUS = 2.0;
    static final int NEAREST = 5;
    static final int EVENTS_PER_WINDOW = 100;
    private static final long INPUT_SEED = 7;

    private Path directory;
    private LociRuntime runtime;
    private QueryInputs inputs;

    @Setup(Level.Trial)
    public void fillMemory() throws IOException {
        Workload workload = Workload.generate(WorkloadSettings.DEFAULT);
        directory = TempDirectory.create("query");
        FilledMemory memory = FilledMemory.fill(directory, workload, OBSERVATIONS, EVENTS);
        runtime = memory.runtime();
        inputs = new QueryInputs(INPUT_SEED, workload.robots(), memory.eventTimes(), EVENTS_PER_WINDOW);
        describeAnswers();
    }

    @TearDown(Level.Trial)
    public void closeAndDelete() throws IOException {
        try {
            runtime.close();
        } finally {
            TempDirectory.delete(directory);
        }
    }

    @Benchmark
    public List<RememberedObject> objectsWithinRadius() {
        return runtime.objectsWithin(inputs.points[inputs.next()], RADIUS);
    }

    @Benchmark
    public List<RememberedObject> nearestOfClass() {
        int i = inputs.next();
        return runtime.nearestOfClass(inputs.points[i], inputs.labels[i], NEAREST);
    }

    @Benchmark
    public List<RememberedObject> objectsOfClass() {
        return runtime.objectsOfClass(inputs.labels[inputs.next()]);
    }

    @Benchmark
    public Optional<Sighting> lastSeenOfClass() {
        return runtime.lastSeenOfClass(inputs.labels[inputs.next()]);
    }

    @Benchmark
    public List<StoredEvent> eventWindowOfRobot() {
        return runtime.events(inputs.eventWindows[inputs.next()]);
    }

    @Benchmark
    public Optional<Versioned<RobotProfile>> profileLookup() {
        return runtime.profile(inputs.robots[inputs.next()]);
    }

    /** Prints how big the answers are, so the latencies can be read against the work each query does. */
    private void describeAnswers() {
        int samples = 2_000;
        long within = 0;
        long nearest = 0;
        long ofClass = 0;
        long events = 0;
        for (int i = 0; i < samples; i++) {
            within += runtime.objectsWithin(inputs.points[i], RADIUS).size();
            nearest += runtime.nearestOfClass(inputs.points[i], inputs.labels[i], NEAREST).size();
            ofClass += runtime.objectsOfClass(inputs.labels[i]).size();
            int found = runtime.events(inputs.eventWindows[i]).size();
            if (found != EVENTS_PER_WINDOW) {
                throw new IllegalStateException("event window " + i + " returned " + found + " events");
            }
            events += found;
        }
        System.out.printf("mean answer sizes over %,d queries: within %.1f m: %.1f objects; nearest of class: %.1f; "
                + "objects of class: %.1f; event window: %.1f events%n", samples, RADIUS, within / (double) samples,
                nearest / (double) samples, ofClass / (double) samples, events / (double) samples);
    }
}
