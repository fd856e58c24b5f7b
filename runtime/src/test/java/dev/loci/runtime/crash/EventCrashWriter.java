package dev.loci.runtime.crash;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Child process of {@link EventCrashTest}: records the numbered events {@link #event(long)} from FIRST_INDEX on as
 * a few thousand a second, printing {@code ACK <index> <eventId>} per acknowledged one,
 * until it is killed. Usage: EventCrashWriter DIR FIRST_INDEX
 */
public final class EventCrashWriter {
    static final List<RobotId> ROBOTS = List.of(RobotId.of("rover_a"), RobotId.of("rover_b"), RobotId.of("arm_c"));

    private EventCrashWriter() {
    }

    /** Event number {@code index}: its robot, time, type, place and objects follow from the index alone. */
    static Event event(long index) {
        RobotId robot = ROBOTS.get((int) (index % ROBOTS.size()));
        EventType type = EventType.values()[(int) (index % EventType.values().length)];
        Optional<Vec3> place = index % 5 == 0 ? Optional.empty()
                : Optional.of(new Vec3(index % 23 * 0.7, index % 11 * 1.3, 0));
        List<Long> objects = index % 4 == 0 ? List.of() : List.of(index % 40 + 1, index % 7 + 100);
        return new Event(robot, Timestamp.ofNanos(1_000_000_000L + index * 1_000_000L), type, "crash_writer",
                "event number " + index, new TreeMap<>(Map.of("index", Long.toString(index))), place, objects);
    }

    public static void main(String[] args) throws Exception {
        try {
            Path dir = Path.of(args[0]);
            long index = Long.parseLong(args[1]);
            LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(20)));
            while (true) {
                long number = index++;
                runtime.record(event(number)).thenAccept(stored -> print("ACK " + number + " " + stored.id()));
                if (number % 10 == 0) {
                    Thread.sleep(1); // at most a few thousand a second: the checks read them all back
                }
            }
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(2);
        }
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
