package dev.loci.bench.planner;

import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.fleet.TimeSource;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.tool.ToolCatalog;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * What a planner pays for asking through the JSON tool catalog instead of calling the runtime in process:
 * the same k-nearest-of-class and radius queries, direct and as {@code ToolCatalog.call(name, json)} (parse,
 * validate, query, answer as JSON text). Memory: 200,000 observations of the benchmark workload.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ToolCallBenchmark {
    static final int OBSERVATIONS = 200_000;
    private static final int INPUTS = 1 << 12;

    private Path directory;
    private LociRuntime runtime;
    private ToolCatalog catalog;
    private final Vec3[] points = new Vec3[INPUTS];
    private final String[] labels = new String[INPUTS];
    private final String[] whereIsArguments = new String[INPUTS];
    private final String[] objectsNearArguments = new String[INPUTS];
    private int next;

    @Setup(Level.Trial)
    public void fillMemory() throws IOException {
        Workload workload = Workload.generate(WorkloadSettings.DEFAULT);
        directory = Files.createTempDirectory("loci-bench-tools");
        runtime = LociRuntime.open(directory, LociConfig.DEFAULT.withOfferTimeout(Duration.ofMinutes(1)));
        var stream = workload.observations();
        for (int left = OBSERVATIONS; left > 0; left -= 100) {
            runtime.ingestAll(stream.nextBatch(Math.min(100, left)));
        }
        runtime.flush();
        catalog = new ToolCatalog(runtime, new TaskCoordinator(runtime,
                new EmbodimentAllocator(new TaskPlanner(runtime)), TimeSource.wallClock(),
                TaskCoordinator.Settings.DEFAULT), ToolCatalog.Access.READ_ONLY);
        List<String> classes = runtime.objectClasses();
        Random random = new Random(11);
        for (int i = 0; i < INPUTS; i++) {
            labels[i] = classes.get(random.nextInt(classes.size()));
            List<RememberedObject> ofClass = runtime.objectsOfClass(classes.get(random.nextInt(classes.size())));
            RememberedObject near = ofClass.get(random.nextInt(ofClass.size()));
            points[i] = near.position().plus(new Vec3(random.nextGaussian(), random.nextGaussian(), 0));
            String point = "{\"x\":" + points[i].x() + ",\"y\":" + points[i].y() + ",\"z\":" + points[i].z() + "}";
            whereIsArguments[i] = "{\"label\":\"" + labels[i] + "\",\"near\":" + point + ",\"limit\":5}";
            objectsNearArguments[i] = "{\"center\":" + point + ",\"radius\":2.0}";
        }
        System.out.printf("%n%,d objects of %d classes; sample answer: %s%n", runtime.stats().objects(),
                classes.size(), catalog.call("where_is", whereIsArguments[0]));
    }

    @TearDown(Level.Trial)
    public void closeAndDelete() throws IOException {
        runtime.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private int next() {
        next = (next + 1) & (INPUTS - 1);
        return next;
    }

    @Benchmark
    public List<RememberedObject> nearestOfClassDirect() {
        int i = next();
        return runtime.nearestOfClass(points[i], labels[i], 5);
    }

    @Benchmark
    public String whereIsTool() {
        return catalog.call("where_is", whereIsArguments[next()]);
    }

    @Benchmark
    public List<RememberedObject> objectsWithinDirect() {
        return runtime.objectsWithin(points[next()], 2.0);
    }

    @Benchmark
    public String objectsNearTool() {
        return catalog.call("objects_near", objectsNearArguments[next()]);
    }
}
