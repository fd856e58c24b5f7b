package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventQueriesTest {
    @TempDir
    Path dir;

    @Test
    void answersWindowRobotTypePlaceAndObjectQueriesLikeABruteForceScan() throws Exception {
        Random random = new Random(23);
        List<StoredEvent> all = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<StoredEvent>> pending = new ArrayList<>();
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (int i = 0; i < 3000; i++) {
                RobotId robot = RobotId.of("robot_" + random.nextInt(3));
                EventType type = EventType.values()[random.nextInt(EventType.values().length)];
                Event event = Event.of(robot, Timestamp.ofNanos(random.nextInt(1_000_000)), type, "tasks", "e" + i);
                if (random.nextBoolean()) {
                    event = event.at(new Vec3(random.nextDouble() * 40 - 20, random.nextDouble() * 40 - 20, 0));
                }
                if (random.nextInt(3) == 0) {
                    event = event.involving(List.of(1L + random.nextInt(20), 21L + random.nextInt(20)));
                }
                pending.add(runtime.record(event));
                if (pending.size() % 128 == 0) {
                    pending.get(pending.size() - 128).get(); // a publisher that keeps up with the store
                }
            }
            for (var stored : pending) {
                all.add(stored.get());
            }
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (int q = 0; q < 200; q++) {
                long a = random.nextInt(1_000_000);
                long b = a + random.nextInt(300_000);
                EventQuery query = EventQuery.window(Timestamp.ofNanos(a), Timestamp.ofNanos(b));
                Predicate<StoredEvent> expected = e -> e.event().time().nanos() >= a && e.event().time().nanos() <= b;
                switch (q % 5) {
                    case 0 -> {
                        RobotId robot = RobotId.of("robot_" + random.nextInt(3));
                        query = query.ofRobot(robot);
                        expected = expected.and(e -> e.event().robot().equals(robot));
                    }
                    case 1 -> {
                        EventType type = EventType.values()[random.nextInt(EventType.values().length)];
                        query = query.ofTypes(Set.of(type));
                        expected = expected.and(e -> e.event().type() == type);
                    }
                    case 2 -> {
                        Vec3 center = new Vec3(random.nextDouble() * 30 - 15, random.nextDouble() * 30 - 15, 0);
                        double radius = 1 + random.nextDouble() * 8;
                        query = query.near(center, radius);
                        expected = expected.and(e -> e.event().place().map(p -> p.distanceTo(center) <= radius)
                                .orElse(false));
                    }
                    case 3 -> {
                        long object = 1 + random.nextInt(40);
                        query = query.involving(object);
                        expected = expected.and(e -> e.event().objects().contains(object));
                    }
                    default -> {
                    }
                }
                List<StoredEvent> bruteForce = all.stream().filter(expected)
                        .sorted(java.util.Comparator.comparingLong((StoredEvent e) -> e.event().time().nanos())
                                .thenComparingLong(StoredEvent::id))
                        .toList();
                assertThat(runtime.events(query)).as("query %d: %s", q, query)
                        .containsExactlyElementsOf(bruteForce);
            }
        }
    }
}
