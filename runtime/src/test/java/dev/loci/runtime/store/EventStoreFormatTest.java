package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventLog;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.store.codec.EventCodec;
import dev.loci.runtime.store.codec.MapDbSerializer;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * Store format 2 keeps events in the event journal and their indexes in memory. A format-1 store (events and
 * indexes in MapDB B-trees) is built here the way format 1 wrote it, then opened: its events move to the journal
 * once, every query answers as before, and later opens read them from the journal.
 */
class EventStoreFormatTest {
    private static final RobotId A = RobotId.of("alpha");
    private static final RobotId B = RobotId.of("bravo");

    @TempDir
    Path dir;

    private static Event event(int i) {
        RobotId robot = i % 2 == 0 ? A : B;
        return new Event(robot, Timestamp.ofNanos(1_000_000L * i), EventType.values()[i % EventType.values().length],
                "source", "event " + i, new TreeMap<>(Map.of("i", Integer.toString(i))),
                i % 3 == 0 ? Optional.empty() : Optional.of(new Vec3(i % 7, i % 5, 0)), List.of((long) (i % 4 + 1)));
    }

    /** What format 1 wrote for these events: the byRobotTime map, its three indexes and the id counter. */
    private void writeFormatOneStore(int count) throws Exception {
        Files.createDirectories(dir);
        DB db = AtomicMapDb.open(dir.resolve("memory.db"), 1L << 20);
        try {
            var byRobotTime = db.treeMap("events.byRobotTime", Serializer.LONG_ARRAY,
                    new MapDbSerializer<>(new EventCodec())).createOrOpen();
            var byTime = db.treeMap("events.byTime", Serializer.LONG_ARRAY, Serializer.LONG).createOrOpen();
            var byPlace = db.treeMap("events.byPlace", Serializer.LONG_ARRAY, Serializer.LONG).createOrOpen();
            var byObject = db.treeMap("events.byObject", Serializer.LONG_ARRAY, Serializer.LONG).createOrOpen();
            for (int i = 1; i <= count; i++) {
                Event e = event(i);
                long robotKey = e.robot().key();
                long time = e.time().nanos();
                byRobotTime.put(new long[] {robotKey, time, i}, e);
                byTime.put(new long[] {time, i}, robotKey);
                byObject.put(new long[] {e.objects().get(0), time, i}, robotKey); // stale on purpose: not read
            }
            byPlace.put(new long[] {0, 0, 0}, 0L);
            var counters = db.treeMap("counters", Serializer.STRING, Serializer.LONG).createOrOpen();
            counters.put("store.format", 1L);
            counters.put("events.nextId", count + 1L);
            db.commit();
        } finally {
            db.close();
        }
    }

    private static List<List<StoredEvent>> answers(EventLog log) {
        List<List<StoredEvent>> answers = new ArrayList<>();
        Timestamp all = Timestamp.ofNanos(Long.MAX_VALUE);
        answers.add(log.query(EventQuery.window(Timestamp.ZERO, all).limit(EventQuery.MAX_LIMIT)));
        answers.add(log.query(EventQuery.window(Timestamp.ofNanos(50_000_000L), Timestamp.ofNanos(90_000_000L))));
        answers.add(log.query(EventQuery.window(Timestamp.ZERO, all).ofRobot(A).limit(EventQuery.MAX_LIMIT)));
        answers.add(log.query(EventQuery.window(Timestamp.ZERO, all).involving(3L).limit(EventQuery.MAX_LIMIT)));
        answers.add(log.query(EventQuery.window(Timestamp.ZERO, all).near(new Vec3(2, 2, 0), 1.5)
                .limit(EventQuery.MAX_LIMIT)));
        return answers;
    }

    @Test
    void aFormatOneStoreMovesItsEventsToTheJournalOnceAndAnswersAsBefore() throws Exception {
        int count = 600;
        writeFormatOneStore(count);
        List<List<StoredEvent>> before;
        try (DurableStore store = DurableStore.open(dir)) {
            assertThat(store.counters().get("store.format")).isEqualTo(DurableStore.STORE_FORMAT);
            EventLog log = new EventLog(store.events());
            assertThat(log.size()).isEqualTo(count);
            before = answers(log);
            assertThat(before.get(0)).hasSize(count);
            assertThat(before.get(0).get(0)).isEqualTo(new StoredEvent(1, event(1)));
            assertThat(before.get(3)).as("events involving object 3").hasSize(count / 4)
                    .allSatisfy(e -> assertThat(e.event().objects()).contains(3L));
            assertThat(before.get(4)).as("events near (2, 2)").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.event().place()).isPresent());
        }
        assertThat(Files.size(dir.resolve("events.log"))).isPositive();
        long journalBytes = Files.size(dir.resolve("events.log"));
        try (DurableStore store = DurableStore.open(dir)) {
            EventLog log = new EventLog(store.events());
            assertThat(answers(log)).isEqualTo(before);
            log.append(event(count + 1));
            log.beforeCommit();
            store.commit();
        }
        assertThat(Files.size(dir.resolve("events.log"))).as("moved once, then appended to")
                .isGreaterThan(journalBytes).isLessThan(journalBytes * 2);
        try (DurableStore store = DurableStore.open(dir)) {
            EventLog log = new EventLog(store.events());
            assertThat(log.size()).isEqualTo(count + 1);
            assertThat(log.get(B, event(count + 1).time().nanos(), count + 1)).contains(event(count + 1));
        }
    }
}
