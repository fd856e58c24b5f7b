package dev.loci.bench;

import dev.loci.bench.workload.EventStream;
import dev.loci.bench.workload.ObservationStream;
import dev.loci.bench.workload.Workload;
import dev.loci.episodic.event.Event;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.RuntimeStats;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A memory filled from the workload for the read-side benchmarks: observations (fused into objects), events
 * and one profile per robot, all committed. Keeps each robot's event times, oldest first, so benchmarks can
 * pick time windows that hold a known number of events.
 */
record FilledMemory(LociRuntime runtime, Map<RobotId, long[]> eventTimes) {
    static final int BATCH = 100;

    /** The default config, except that a submitter may wait longer for room: filling floods the queue. */
    private static final LociConfig FILL_CONFIG = LociConfig.DEFAULT.withOfferTimeout(Duration.ofMinutes(1));

    /** Fills a new memory in {@code directory} and returns it, open. */
    static FilledMemory fill(Path directory, Workload workload, int observations, int events) throws IOException {
        long start = System.nanoTime();
        LociRuntime runtime = LociRuntime.open(directory, FILL_CONFIG);
        try {
            ObservationStream stream = workload.observations();
            for (int left = observations; left > 0; left -= BATCH) {
                runtime.ingestAll(stream.nextBatch(Math.min(BATCH, left)));
            }
            Map<RobotId, long[]> eventTimes = recordEvents(runtime, workload.events(), events);
            for (RobotId robot : workload.robots()) {
                runtime.updateProfile(profileOf(robot), "benchmark");
            }
            runtime.flush();
            RuntimeStats stats = runtime.stats();
            check(stats, observations, events, workload.robots().size(), stream.distinctObjectsSeen());
            System.out.printf("%nfilled %s in %.1f s: %,d observations -> %,d objects, %,d events, %,d MB on disk%n",
                    directory, (System.nanoTime() - start) / 1e9, stats.observations(), stats.objects(),
                    stats.events(), runtime.bytesOnDisk() >> 20);
            return new FilledMemory(runtime, eventTimes);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    static RobotProfile profileOf(RobotId robot) {
        return new RobotProfile(robot, RobotKind.MOBILE_MANIPULATOR, 0.35, 1.2, 1.1, 3.0,
                new TreeSet<>(Set.of("lidar", "rgbd_camera")), new TreeSet<>(Set.of("navigate", "pick", "place")), 0.8, RobotStatus.IDLE,
                Pose.of(10, 10, 0, 0), Timestamp.ofSeconds(1));
    }

    /** Submits {@code count} events without waiting (the caller flushes) and returns their times per robot. */
    private static Map<RobotId, long[]> recordEvents(LociRuntime runtime, EventStream stream, int count) {
        Map<RobotId, long[]> times = new HashMap<>();
        Map<RobotId, Integer> counts = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Event event = stream.next();
            runtime.record(event);
            int n = counts.merge(event.robot(), 1, Integer::sum);
            long[] robotTimes = times.computeIfAbsent(event.robot(), r -> new long[1024]);
            if (n > robotTimes.length) {
                robotTimes = Arrays.copyOf(robotTimes, robotTimes.length * 2);
                times.put(event.robot(), robotTimes);
            }
            robotTimes[n - 1] = event.time().nanos();
        }
        times.replaceAll((robot, t) -> Arrays.copyOf(t, counts.get(robot)));
        return times;
    }

    /** A failed or refused write would make every number that follows meaningless: stop instead. */
    private static void check(RuntimeStats stats, int observations, int events, int robots, int distinctObjects) {
        if (stats.observations() != observations || stats.events() != events || stats.profiles() != robots
                || stats.failedWrites() != 0 || stats.rejectedQueueFull() != 0 || stats.rejectedInputs() != 0) {
            throw new IllegalStateException("fill did not store everything: " + stats);
        }
        if (stats.objects() != distinctObjects) {
            throw new IllegalStateException("fusion made " + stats.objects() + " objects from "
                    + distinctObjects + " distinct objects seen");
        }
    }
}
