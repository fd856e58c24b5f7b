package dev.loci.bench.soak;

import dev.loci.episodic.chunk.ChunkConsolidationPolicy;
import dev.loci.episodic.event.ConsolidationPolicy;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.lifecycle.ForgettingPolicy;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Soak: several robots live through simulated hours at full speed on one runtime (observations of a bounded
 * set of objects, redundant state events, task events), with consolidation and forgetting every simulated
 * hour. After each hour it samples heap after GC, live threads, open file descriptors, the latency of
 * radius queries, and chunk memory's accounting of its in-memory index (bytes from array lengths, events whose
 * ids are held, episodes indexed), which does not depend on when the collector ran. With RETAIN_HOURS > 0, raw observations older than that many simulated hours are retired from
 * the in-memory index every hour ({@code LociRuntime.retireObservations}).
 * Usage: SoakRun DIR ROBOTS HOURS [OBSERVATIONS_PER_ROBOT_HOUR [RETAIN_HOURS]].
 */
public final class SoakRun {
    private static final long HOUR = 3_600_000_000_000L;
    private static final String[] CLASSES = {"mug", "chair", "bottle", "plant", "book", "laptop"};

    /** One simulated hour's sample. */
    public record Sample(int hour, long heapBytes, int threads, long openFiles, long events, long eventsKept,
                         long objects,
                         double queryP50Micros, double queryP99Micros, long indexBytes, long heldEvents,
                         long indexedEpisodes) {
        @Override
        public String toString() {
            return String.format("hour %3d  heap %6.1f MB  threads %3d  fds %4d  events recorded %7d  kept %7d"
                            + "  objects %5d  radius query p50 %6.1f us  p99 %7.1f us  episodic index %7.3f MB"
                            + "  (events held %6d, episodes indexed %5d)", hour, heapBytes / 1e6, threads,
                    openFiles, events, eventsKept, objects, queryP50Micros, queryP99Micros, indexBytes / 1e6,
                    heldEvents, indexedEpisodes);
        }
    }

    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int robots = Integer.parseInt(args[1]);
        int hours = Integer.parseInt(args[2]);
        int perHour = args.length > 3 ? Integer.parseInt(args[3]) : 3600;
        int retainHours = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        run(dir, robots, hours, perHour, retainHours, sample -> System.out.println(sample));
    }

    public static List<Sample> run(Path dir, int robots, int hours, int observationsPerRobotHour,
                                   Consumer<Sample> progress) throws Exception {
        return run(dir, robots, hours, observationsPerRobotHour, 0, progress);
    }

    /** As above; with {@code retainHours > 0}, raw observations older than that are retired every hour. */
    public static List<Sample> run(Path dir, int robots, int hours, int observationsPerRobotHour, int retainHours,
                                   Consumer<Sample> progress) throws Exception {
        List<Sample> samples = new ArrayList<>();
        Random random = new Random(1);
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (int hour = 1; hour <= hours; hour++) {
                long start = (hour - 1) * HOUR;
                List<CompletableFuture<?>> pending = new ArrayList<>();
                for (int r = 0; r < robots; r++) {
                    RobotId robot = RobotId.of("soak_" + r);
                    List<Observation> batch = new ArrayList<>();
                    for (int i = 0; i < observationsPerRobotHour; i++) {
                        long t = start + i * (HOUR / observationsPerRobotHour);
                        int object = random.nextInt(300);
                        Vec3 at = new Vec3((object % 20) * 2.0 + random.nextGaussian() * 0.03,
                                (object / 20) * 2.0 + random.nextGaussian() * 0.03, 0.8);
                        batch.add(Observation.of(robot, Timestamp.ofNanos(t), "camera", Pose.of(at.x() - 1, at.y(), 1, 0),
                                CLASSES[object % CLASSES.length], Aabb.centered(at, new Vec3(0.1, 0.1, 0.1)), 0.8));
                        if (batch.size() == 100) {
                            pending.add(runtime.ingestAll(batch));
                            batch = new ArrayList<>();
                        }
                        if (i % 10 == 0) {
                            pending.add(runtime.record(Event.of(robot, Timestamp.ofNanos(t), EventType.ROBOT_STATE,
                                    "monitor", "patrolling")));
                        }
                        if (pending.size() > 64) {
                            pending.remove(0).join();
                        }
                    }
                    if (!batch.isEmpty()) {
                        pending.add(runtime.ingestAll(batch));
                    }
                }
                pending.forEach(CompletableFuture::join);
                long end = hour * HOUR;
                // Repeated state reports of one robot within 10 minutes are one event.
                runtime.consolidateEvents(Timestamp.ofNanos(start), Timestamp.ofNanos(end),
                        new ConsolidationPolicy(0.5, Duration.ofMinutes(10))).join();
                for (int r = 0; r < robots; r++) {
                    runtime.closeEpisodes(RobotId.of("soak_" + r)).join();
                }
                // Redundant consecutive episodes (same task, place and objects) of the hour become one.
                runtime.consolidateChunks(Timestamp.ofNanos(start), Timestamp.ofNanos(end),
                        ChunkConsolidationPolicy.DEFAULT).join();
                runtime.forget(Timestamp.ofNanos(end), new ForgettingPolicy(Duration.ofHours(1), 0.5,
                        Duration.ofHours(2))).join();
                if (retainHours > 0 && end > retainHours * HOUR) {
                    runtime.retireObservations(Timestamp.ofNanos(end - retainHours * HOUR)).join();
                }
                runtime.flush();
                Sample sample = sample(runtime, hour, random);
                samples.add(sample);
                progress.accept(sample);
            }
        }
        return samples;
    }

    private static Sample sample(LociRuntime runtime, int hour, Random random) throws IOException {
        long[] nanos = new long[2000];
        for (int i = 0; i < nanos.length; i++) {
            Vec3 center = new Vec3(random.nextDouble() * 40, random.nextDouble() * 30, 0.8);
            long t0 = System.nanoTime();
            runtime.objectsWithin(center, 1.5);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        var stats = runtime.stats();
        long kept = runtime.events(dev.loci.episodic.event.EventQuery.window(Timestamp.ZERO,
                Timestamp.ofNanos(Long.MAX_VALUE))).size();
        var chunks = runtime.chunkStats();
        return new Sample(hour, heap, threads, openFiles(), stats.events(), kept, stats.objects(),
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3, stats.episodicIndexBytes(),
                chunks.heldEvents(), chunks.indexedEpisodes());
    }

    /** Open file descriptors of this process (Linux); -1 where /proc is not there. */
    public static long openFiles() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }
}
