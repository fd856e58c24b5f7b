package dev.loci.bench;

import dev.loci.bench.workload.ObservationStream;
import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.memory.FrameResult;
import dev.loci.spatial.memory.SpatialMemory;
import dev.loci.spatial.memory.SpatialSettings;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.InMemoryObservationStore;
import dev.loci.spatial.observation.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one detector frame in spatial memory, in memory only (no store): fusing its ~29 observations,
 * change detection over the objects in view, the point-to-frame index and the incremental snapshot update.
 * The memory first takes 5,000 frames of the workload (about 145k observations; more would be slow to set
 * up); then each invocation takes the next frame.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class FrameUpdateBenchmark {
    private static final FieldOfView CAMERA = new FieldOfView(Math.toRadians(90), Math.toRadians(60), 0.1, 4.5);
    private static final int PREFILL_FRAMES = 5_000;

    private ObservationStream stream;
    private SpatialMemory memory;

    @Setup(Level.Trial)
    public void fill() {
        stream = Workload.generate(WorkloadSettings.DEFAULT).observations();
        memory = new SpatialMemory(new InMemoryObservationStore(), new ConcurrentSkipListMap<Long, RememberedObject>(),
                new ConcurrentSkipListMap<long[], ObjectState>(Arrays::compare),
                new ConcurrentSkipListMap<Long, FrameRecord>(), SpatialSettings.DEFAULT);
        for (int i = 0; i < PREFILL_FRAMES; i++) {
            memory.observeFrame(nextFrame());
        }
        System.out.printf("%nprefilled: %d frames, %d observations, %d objects, %d snapshots%n", memory.frameCount(),
                memory.observationCount(), memory.objects().size(), memory.snapshots().size());
    }

    @Benchmark
    public FrameResult observeFrame() {
        return memory.observeFrame(nextFrame());
    }

    /** The stream's next camera frame: consecutive observations sharing robot, time and pose. */
    private Observation pending;

    private SensorFrame nextFrame() {
        List<Observation> frame = new ArrayList<>();
        Observation first = pending != null ? pending : stream.next();
        pending = null;
        frame.add(first);
        while (stream.hasNext()) {
            Observation o = stream.next();
            if (!o.time().equals(first.time()) || !o.robot().equals(first.robot())) {
                pending = o;
                break;
            }
            frame.add(o);
        }
        return new SensorFrame(first.robot(), first.time(), first.sensor(), first.sensorPose(), CAMERA, frame,
                Optional.empty());
    }
}
