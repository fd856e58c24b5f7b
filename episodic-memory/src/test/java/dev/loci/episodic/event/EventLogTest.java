package dev.loci.episodic.event;

import static dev.loci.episodic.event.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLogTest {
    private static final RobotId A = RobotId.of("alpha");
    private static final RobotId B = RobotId.of("bravo");
    private static final RobotId C = RobotId.of("charlie");
    private static final List<RobotId> ROBOTS = List.of(A, B, C);
    private static final Comparator<StoredEvent> BY_TIME_THEN_ID = Comparator
            .comparingLong((StoredEvent s) -> s.event().time().nanos()).thenComparingLong(StoredEvent::id);

    private ConcurrentSkipListMap<long[], Event> byRobotTime;
    private Map<String, Long> counters;
    private EventMaps maps;
    private EventLog log;

    @BeforeEach
    void setUp() {
        byRobotTime = new ConcurrentSkipListMap<>(Arrays::compare);
        counters = new HashMap<>();
        maps = new EventMaps(EventRecords.of(byRobotTime), counters);
        log = new EventLog(maps);
    }

    private static Event event(RobotId robot, long nanos, EventType type) {
        return Event.of(robot, Timestamp.ofNanos(nanos), type, "monitor", type + " at " + nanos);
    }

    private static Timestamp t(long nanos) {
        return Timestamp.ofNanos(nanos);
    }

    /** Appends events of three robots at random times (many shared), out of time order. */
    private List<StoredEvent> appendRandom(Random random, int count) {
        List<StoredEvent> stored = new ArrayList<>();
        EventType[] types = EventType.values();
        for (int i = 0; i < count; i++) {
            long time = random.nextBoolean() ? random.nextInt(200) * 50L : random.nextInt(10_000);
            stored.add(log.append(event(ROBOTS.get(random.nextInt(3)), time, types[random.nextInt(types.length)])));
        }
        return stored;
    }

    private static List<StoredEvent> expected(List<StoredEvent> all, EventQuery q) {
        return all.stream()
                .filter(s -> q.robot().map(r -> r.equals(s.event().robot())).orElse(true))
                .filter(s -> q.types().isEmpty() || q.types().contains(s.event().type()))
                .filter(s -> !s.event().time().isBefore(q.from()) && !q.to().isBefore(s.event().time()))
                .sorted(BY_TIME_THEN_ID)
                .limit(q.limit())
                .toList();
    }

    @Test
    void givesIncreasingIdsFromOne() {
        StoredEvent first = log.append(event(A, 500, EventType.ACTION));
        StoredEvent second = log.append(event(B, 100, EventType.ACTION));
        StoredEvent third = log.append(event(A, 100, EventType.ACTION));

        assertThat(List.of(first.id(), second.id(), third.id())).containsExactly(1L, 2L, 3L);
        assertThat(first.version()).isEqualTo(1);
        assertThat(log.size()).isEqualTo(3);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 777})
    void queriesMatchABruteForceFilter(long seed) {
        Random random = new Random(seed);
        List<StoredEvent> all = appendRandom(random, 3000);
        EventType[] types = EventType.values();

        for (int q = 0; q < 150; q++) {
            long from = random.nextInt(10_500) - 250;
            long to = from + random.nextInt(random.nextBoolean() ? 200 : 5_000);
            EventQuery query = EventQuery.window(t(Math.max(0, from)), t(Math.max(0, to)));
            if (random.nextInt(4) != 0) {
                query = query.ofRobot(ROBOTS.get(random.nextInt(3)));
            }
            if (random.nextInt(3) == 0) {
                query = query.ofTypes(EnumSet.of(types[random.nextInt(types.length)],
                        types[random.nextInt(types.length)]));
            }
            if (random.nextInt(3) == 0) {
                query = query.limit(1 + random.nextInt(20));
            }

            assertThat(log.query(query)).as("%s", query).isEqualTo(expected(all, query));
        }
    }

    @Test
    void robotWindowIsInclusiveAndInTimeOrder() {
        log.append(event(A, 300, EventType.ACTION));      // id 1
        log.append(event(A, 99, EventType.ACTION));       // id 2: before the window
        log.append(event(A, 100, EventType.TASK_STARTED)); // id 3: on from
        log.append(event(B, 150, EventType.ACTION));      // id 4: other robot
        log.append(event(A, 200, EventType.ACTION));      // id 5: on the "to" bound of the second query
        log.append(event(A, 301, EventType.ACTION));      // id 6: after the window
        log.append(event(A, 100, EventType.CUSTOM));      // id 7: same time as id 3

        List<StoredEvent> found = log.query(EventQuery.window(t(100), t(300)).ofRobot(A));

        assertThat(found).extracting(StoredEvent::id).containsExactly(3L, 7L, 5L, 1L);
        assertThat(found.get(0).event()).isEqualTo(event(A, 100, EventType.TASK_STARTED));
        assertThat(log.query(EventQuery.window(t(100), t(200)).ofRobot(A))).extracting(StoredEvent::id)
                .containsExactly(3L, 7L, 5L);
        assertThat(log.query(EventQuery.window(t(100), t(100)).ofRobot(A))).extracting(StoredEvent::id)
                .containsExactly(3L, 7L);
    }

    @Test
    void crossRobotWindowMergesAllRobotsInTimeOrder() {
        log.append(event(C, 30, EventType.ACTION));   // 1
        log.append(event(A, 10, EventType.ACTION));   // 2
        log.append(event(B, 20, EventType.ACTION));   // 3
        log.append(event(A, 20, EventType.ACTION));   // 4
        log.append(event(B, 40, EventType.ACTION));   // 5

        List<StoredEvent> found = log.query(EventQuery.window(t(10), t(30)));

        assertThat(found).extracting(StoredEvent::id).containsExactly(2L, 3L, 4L, 1L);
        assertThat(found).extracting(s -> s.event().robot()).containsExactly(A, B, A, C);
    }

    @Test
    void typeFilterKeepsOnlyThoseTypes() {
        log.append(event(A, 1, EventType.TASK_STARTED));
        log.append(event(A, 2, EventType.ACTION));
        log.append(event(A, 3, EventType.TASK_FAILED));
        log.append(event(B, 4, EventType.TASK_FAILED));

        EventQuery failures = EventQuery.window(t(0), t(10)).ofTypes(Set.of(EventType.TASK_FAILED));

        assertThat(log.query(failures)).extracting(StoredEvent::id).containsExactly(3L, 4L);
        assertThat(log.query(failures.ofRobot(A))).extracting(StoredEvent::id).containsExactly(3L);
        assertThat(log.query(failures.ofTypes(Set.of(EventType.ROBOT_STATE)))).isEmpty();
    }

    @Test
    void limitKeepsTheOldestMatches() {
        for (int i = 0; i < 10; i++) {
            log.append(event(A, 1000 - i * 10, EventType.ACTION));
        }

        assertThat(log.query(EventQuery.window(t(0), t(2000)).ofRobot(A).limit(3)))
                .extracting(s -> s.event().time().nanos()).containsExactly(910L, 920L, 930L);
        assertThat(log.query(EventQuery.window(t(0), t(2000)).limit(1))).extracting(StoredEvent::id)
                .containsExactly(10L);
    }

    @Test
    void limitCountsOnlyEventsThatPassTheFilters() {
        log.append(event(A, 1, EventType.ACTION));
        log.append(event(A, 2, EventType.CUSTOM));
        log.append(event(A, 3, EventType.ACTION));
        log.append(event(A, 4, EventType.CUSTOM));

        EventQuery q = EventQuery.window(t(0), t(10)).ofTypes(Set.of(EventType.CUSTOM)).limit(2);

        assertThat(log.query(q)).extracting(StoredEvent::id).containsExactly(2L, 4L);
        assertThat(log.query(q.ofRobot(A))).extracting(StoredEvent::id).containsExactly(2L, 4L);
    }

    @Test
    void emptyLogAndEmptyWindowsAnswerNothing() {
        assertThat(log.query(EventQuery.window(t(0), t(Long.MAX_VALUE)))).isEmpty();
        assertThat(log.size()).isZero();

        log.append(event(A, 500, EventType.ACTION));

        assertThat(log.query(EventQuery.window(t(0), t(499)))).isEmpty();
        assertThat(log.query(EventQuery.window(t(501), t(Long.MAX_VALUE)).ofRobot(A))).isEmpty();
        assertThat(log.query(EventQuery.window(t(0), t(Long.MAX_VALUE)).ofRobot(B))).isEmpty();
        assertThat(log.query(EventQuery.window(t(0), t(Long.MAX_VALUE)).ofRobot(A))).hasSize(1);
    }

    @Test
    void idsContinueAfterReopeningTheSameMaps() {
        Random random = new Random(9);
        List<StoredEvent> before = new ArrayList<>(appendRandom(random, 10));
        log.beforeCommit();

        EventLog reopened = new EventLog(maps);
        StoredEvent next = reopened.append(event(B, 5, EventType.ROBOT_STATE));

        assertThat(counters).containsEntry("events.nextId", 11L);
        assertThat(next.id()).isEqualTo(11);
        assertThat(reopened.size()).isEqualTo(11);
        before.add(next);
        EventQuery everything = EventQuery.window(t(0), t(Long.MAX_VALUE));
        assertThat(reopened.query(everything)).isEqualTo(expected(before, everything));
        assertThat(reopened.query(everything)).hasSize(11);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 99})
    void aReopenedLogAnswersEveryQueryAsTheLogThatRecordedTheEvents(long seed) {
        Random random = new Random(seed);
        EventType[] types = EventType.values();
        for (int i = 0; i < 2000; i++) {
            long time = random.nextBoolean() ? random.nextInt(100) * 70L : random.nextInt(7_000);
            Event e = event(ROBOTS.get(random.nextInt(3)), time, types[random.nextInt(types.length)]);
            if (random.nextInt(4) != 0) { // places on both sides of 0: cell keys order as signed longs
                e = e.at(new dev.loci.spatial.geometry.Vec3(random.nextGaussian() * 9, random.nextGaussian() * 9, 0));
            }
            List<Long> objects = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                long object = 1 + random.nextInt(40);
                if (!objects.contains(object)) {
                    objects.add(object);
                }
            }
            log.append(e.involving(objects));
        }

        EventLog reopened = new EventLog(maps);

        for (int q = 0; q < 300; q++) {
            long from = random.nextInt(7_500) - 200;
            long to = from + random.nextInt(random.nextBoolean() ? 300 : 4_000);
            EventQuery query = EventQuery.window(t(Math.max(0, from)), t(Math.max(0, to)));
            switch (random.nextInt(4)) {
                case 0 -> query = query.involving(1 + random.nextInt(42));
                case 1 -> query = query.near(new dev.loci.spatial.geometry.Vec3(random.nextGaussian() * 9,
                        random.nextGaussian() * 9, 0), random.nextDouble() * 6);
                case 2 -> query = query.ofRobot(ROBOTS.get(random.nextInt(3)));
                default -> { }
            }
            if (random.nextInt(3) == 0) {
                query = query.ofTypes(EnumSet.of(types[random.nextInt(types.length)]));
            }
            if (random.nextInt(3) == 0) {
                query = query.limit(1 + random.nextInt(20));
            }

            List<StoredEvent> answer = log.query(query);
            assertThat(reopened.query(query)).as("%s", query).isEqualTo(answer);
            if (q < 5 && query.object().isEmpty() && query.near().isEmpty()) {
                assertThat(answer).isNotEmpty();
            }
        }
    }

    @Test
    void beforeCommitPersistsTheLatestCounter() {
        log.append(event(A, 1, EventType.ACTION));
        log.beforeCommit();
        log.append(event(A, 2, EventType.ACTION));
        log.append(event(A, 3, EventType.ACTION));
        log.beforeCommit();

        assertThat(counters).containsEntry("events.nextId", 4L);
        assertThat(new EventLog(maps).append(event(A, 4, EventType.ACTION)).id())
                .isEqualTo(4);
    }

    @Test
    void robotKeyIsTheStableFnv1aHashOfTheName() {
        assertThat(RobotId.of("a").key()).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(RobotId.of("foobar").key()).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void refusesMissingArguments() {
        assertRefused(() -> log.append(null), "event", "null", "is required");
        assertRefused(() -> log.query(null), "query", "null", "is required");
        assertRefused(() -> new EventLog(null), "maps", "null", "is required");
        assertRefused(() -> new EventMaps(null, counters), "events", "null", "is required");
        assertRefused(() -> new EventMaps(EventRecords.of(byRobotTime), null), "counters", "null", "is required");
    }
}
