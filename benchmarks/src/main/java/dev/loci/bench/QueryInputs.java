package dev.loci.bench;

import dev.loci.bench.workload.Building;
import dev.loci.bench.workload.ObjectCatalog;
import dev.loci.episodic.event.EventQuery;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random query arguments drawn once from a seeded generator, so the timed code only asks and the same run
 * asks the same questions. Benchmarks walk through them with {@link #next()}.
 */
final class QueryInputs {
    /** A power of two, large enough that caches cannot learn the sequence. */
    static final int SIZE = 1 << 16;
    private static final int MASK = SIZE - 1;

    final Vec3[] points = new Vec3[SIZE];
    final String[] labels = new String[SIZE];
    final RobotId[] robots = new RobotId[SIZE];
    final EventQuery[] eventWindows = new EventQuery[SIZE];
    private int cursor;

    /**
     * @param eventTimes each robot's event times, oldest first
     * @param eventsPerWindow events each window query asks for: it starts at a random event of a random
     *                        robot that has at least that many events after it
     */
    QueryInputs(long seed, List<RobotId> robotIds, Map<RobotId, long[]> eventTimes, int eventsPerWindow) {
        Random random = new Random(seed);
        List<String> classes = ObjectCatalog.labels();
        for (int i = 0; i < SIZE; i++) {
            points[i] = new Vec3(random.nextDouble() * Building.WIDTH, random.nextDouble() * Building.DEPTH,
                    random.nextDouble() * 2.0);
            labels[i] = classes.get(random.nextInt(classes.size()));
            robots[i] = robotIds.get(random.nextInt(robotIds.size()));
            eventWindows[i] = windowOf(robots[i], eventTimes.get(robots[i]), eventsPerWindow, random);
        }
    }

    /** Index of the next set of arguments; wraps around. Not atomic: benchmarks run single-threaded. */
    int next() {
        return cursor++ & MASK;
    }

    private static EventQuery windowOf(RobotId robot, long[] times, int events, Random random) {
        int first = random.nextInt(times.length - events + 1);
        // From the chosen event to the robot's newest: the limit, not the window's end, cuts the answer.
        return new EventQuery(Timestamp.ofNanos(times[first]), Timestamp.ofNanos(times[times.length - 1]),
                Optional.of(robot), Set.of(), Optional.empty(), Optional.empty(), events);
    }
}
