package dev.loci.runtime.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it records events at full speed (events live in the event journal, their
 * indexes in memory), and checks after each kill that every acknowledged event is there, unchanged, under its id;
 * that everything visible is an event that was written, each once; and that the robot, time-window, object and
 * place queries give exactly what a scan of all visible events gives. Then recording goes on where it stopped.
 */
class EventCrashTest {
    private static final int KILLS = 6;
    private static final Timestamp END = Timestamp.ofNanos(Long.MAX_VALUE);

    @TempDir
    Path dir;

    @Test
    void reopensWithEveryAcknowledgedEventAfterKill() throws Exception {
        Random random = new Random(5);
        long nextIndex = 0;
        long checked = 0;
        for (int round = 1; round <= KILLS; round++) {
            Map<Long, Long> acked = new ConcurrentHashMap<>();
            KilledChild.runAndKill(EventCrashWriter.class, List.of("-Xmx256m"), List.of(dir.toString(),
                    Long.toString(nextIndex)), "ACK ", 300 + random.nextInt(1200), line -> {
                        if (line.startsWith("ACK ")) {
                            String[] parts = line.split(" ");
                            acked.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                        }
                    });
            assertThat(acked).as("round %d acknowledged events", round).isNotEmpty();
            try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
                List<StoredEvent> all = runtime.events(EventQuery.window(Timestamp.ZERO, END));
                Map<Long, StoredEvent> byId = new ConcurrentHashMap<>();
                long maxIndex = nextIndex - 1;
                for (StoredEvent e : all) {
                    long index = Long.parseLong(e.event().attributes().get("index"));
                    assertThat(e.event()).as("visible event %d", e.id()).isEqualTo(EventCrashWriter.event(index));
                    assertThat(byId.put(e.id(), e)).as("event id %d once", e.id()).isNull();
                    maxIndex = Math.max(maxIndex, index);
                }
                for (Map.Entry<Long, Long> ack : acked.entrySet()) {
                    StoredEvent stored = byId.get(ack.getValue());
                    assertThat(stored).as("acknowledged event %d (id %d)", ack.getKey(), ack.getValue()).isNotNull();
                    assertThat(stored.event()).isEqualTo(EventCrashWriter.event(ack.getKey()));
                }
                assertQueriesAgreeWithAScan(runtime, all);
                checked += acked.size();
                nextIndex = maxIndex + 1;
                StoredEvent after = runtime.record(EventCrashWriter.event(nextIndex)).join();
                assertThat(runtime.events(EventQuery.window(after.event().time(), after.event().time())))
                        .containsExactly(after);
                nextIndex++;
            }
        }
        System.out.printf("event crash test: %d kills, %d acknowledged events checked, 0 missing%n", KILLS, checked);
    }

    private static void assertQueriesAgreeWithAScan(LociRuntime runtime, List<StoredEvent> all) {
        Comparator<StoredEvent> order = Comparator.comparingLong((StoredEvent e) -> e.event().time().nanos())
                .thenComparingLong(StoredEvent::id);
        assertThat(all).isSortedAccordingTo(order);
        Timestamp from = all.isEmpty() ? Timestamp.ZERO : all.get(all.size() / 3).event().time();
        Timestamp to = all.isEmpty() ? END : all.get(all.size() * 2 / 3).event().time();
        assertThat(runtime.events(EventQuery.window(from, to))).isEqualTo(all.stream()
                .filter(e -> e.event().time().compareTo(from) >= 0 && e.event().time().compareTo(to) <= 0).toList());
        for (RobotId robot : EventCrashWriter.ROBOTS) {
            assertThat(runtime.events(EventQuery.window(Timestamp.ZERO, END).ofRobot(robot)))
                    .isEqualTo(all.stream().filter(e -> e.event().robot().equals(robot)).toList());
        }
        for (long object : new long[] {1, 17, 103}) {
            assertThat(runtime.events(EventQuery.window(Timestamp.ZERO, END).involving(object)))
                    .isEqualTo(all.stream().filter(e -> e.event().objects().contains(object)).toList());
        }
        Vec3 center = all.stream().flatMap(e -> e.event().place().stream()).reduce((a, b) -> b)
                .orElse(new Vec3(7, 6.5, 0));
        double radius = 3;
        List<StoredEvent> near = runtime.events(EventQuery.window(Timestamp.ZERO, END).near(center, radius));
        assertThat(near).isEqualTo(all.stream().filter(e -> e.event().place()
                .filter(p -> p.distanceTo(center) <= radius).isPresent()).toList());
        assertThat(near).isNotEmpty();
    }
}
