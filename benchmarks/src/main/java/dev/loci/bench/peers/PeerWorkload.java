package dev.loci.bench.peers;

import dev.loci.bench.workload.Building;
import dev.loci.bench.workload.EventStream;
import dev.loci.bench.workload.ObjectCatalog;
import dev.loci.bench.workload.ObservationStream;
import dev.loci.bench.workload.Workload;
import dev.loci.bench.workload.WorkloadSettings;
import dev.loci.episodic.event.Event;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Everything the comparison feeds the stores, generated once before any timing: the observation batches, the
 * events, and seeded query arguments (points in the building, classes, per-robot windows of known size), the
 * same recipe as the JMH query benchmark.
 */
final class PeerWorkload {
    static final int INPUTS = 1 << 16;
    private static final long INPUT_SEED = 7;

    record Window(RobotId robot, long fromNanos, long toNanos) {
    }

    final List<List<Observation>> batches;
    final List<Event> events;
    final int distinctObjectsSeen;
    final long frames;
    final int observations;
    private final Vec3[] points = new Vec3[INPUTS];
    private final String[] labels = new String[INPUTS];
    private final Window[] windows = new Window[INPUTS];

    PeerWorkload(WorkloadSettings settings, int observations, int eventCount, int batchSize) {
        Workload workload = Workload.generate(settings);
        ObservationStream stream = workload.observations();
        this.batches = stream.nextBatches(observations, batchSize);
        this.distinctObjectsSeen = stream.distinctObjectsSeen();
        this.frames = stream.frames();
        this.observations = observations;
        EventStream eventStream = workload.events();
        this.events = new ArrayList<>(eventCount);
        Map<RobotId, long[]> times = new HashMap<>();
        Map<RobotId, Integer> counts = new HashMap<>();
        for (int i = 0; i < eventCount; i++) {
            Event e = eventStream.next();
            events.add(e);
            int n = counts.merge(e.robot(), 1, Integer::sum);
            long[] t = times.computeIfAbsent(e.robot(), r -> new long[1024]);
            if (n > t.length) {
                t = Arrays.copyOf(t, t.length * 2);
                times.put(e.robot(), t);
            }
            t[n - 1] = e.time().nanos();
        }
        Random random = new Random(INPUT_SEED);
        List<String> classes = ObjectCatalog.labels();
        List<RobotId> robots = workload.robots();
        for (int i = 0; i < INPUTS; i++) {
            points[i] = new Vec3(random.nextDouble() * Building.WIDTH, random.nextDouble() * Building.DEPTH,
                    random.nextDouble() * 2.0);
            labels[i] = classes.get(random.nextInt(classes.size()));
            RobotId robot = robots.get(random.nextInt(robots.size()));
            int count = counts.getOrDefault(robot, 0);
            long[] t = times.get(robot);
            if (count == 0) {
                windows[i] = new Window(robot, 0, Long.MAX_VALUE);
            } else {
                // From a random event to the robot's newest: the limit, not the window's end, cuts the answer.
                int first = random.nextInt(Math.max(1, count - QueryKind.EVENTS_PER_WINDOW + 1));
                windows[i] = new Window(robot, t[first], t[count - 1]);
            }
        }
    }

    /** Observations per camera frame in this workload (all robots' frames together). */
    double observationsPerFrame() {
        return observations / (double) frames;
    }

    Vec3 point(int i) {
        return points[i & (INPUTS - 1)];
    }

    String label(int i) {
        return labels[i & (INPUTS - 1)];
    }

    Window window(int i) {
        return windows[i & (INPUTS - 1)];
    }
}
