package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChunkMemoryTest {
    private static final RobotId ROBOT = RobotId.of("robot_1");
    private static final Map<Long, String> LABELS = Map.of(7L, "red mug", 3L, "kitchen table", 9L, "hallway door");
    private final HashingEmbedder embedder = new HashingEmbedder(128);

    private ChunkMemory memory(TreeMap<Long, EventTrace> traces, TreeMap<Long, Chunk> chunks) {
        return new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT, LABELS::get);
    }

    /** A fetch in the hallway then the kitchen, sim time from 10 s, one event every 5 s. */
    private static List<StoredEvent> fetchTheMug(long firstId, double startSeconds, boolean fails) {
        List<StoredEvent> events = new ArrayList<>();
        String task = "fetch the red mug";
        Object[][] script = {
                {EventType.TASK_STARTED, "started task fetch the red mug", "hallway", List.of()},
                {EventType.ACTION, "planning route to the kitchen", "hallway", List.of()},
                {EventType.OBSERVATION_BATCH, "saw the hallway door", "hallway", List.of(9L)},
                {EventType.ACTION, "checking gripper", "hallway", List.of()},
                {EventType.ACTION, "navigated to the kitchen", "kitchen", List.of()},
                {EventType.OBSERVATION_BATCH, "saw the red mug on the kitchen table", "kitchen", List.of(7L, 3L)},
                {EventType.ACTION, "picked up the red mug", "kitchen", List.of(7L)},
                {EventType.OBSERVATION_BATCH, "saw the kitchen table", "kitchen", List.of(3L)},
                {fails ? EventType.TASK_FAILED : EventType.TASK_FINISHED,
                        fails ? "failed task fetch the red mug: gripper slipped" : "finished task fetch the red mug",
                        "kitchen", List.of()}};
        for (int i = 0; i < script.length; i++) {
            String room = (String) script[i][2];
            Vec3 place = room.equals("kitchen") ? new Vec3(2 + 0.1 * i, 2, 0) : new Vec3(-6, 0.2 * i, 0);
            @SuppressWarnings("unchecked")
            List<Long> objects = (List<Long>) script[i][3];
            Event event = new Event(ROBOT, Timestamp.ofSeconds(startSeconds + 5 * i), (EventType) script[i][0],
                    "tasks", (String) script[i][1], new TreeMap<>(Map.of("room", room, "task", task)),
                    Optional.of(place), objects);
            events.add(new StoredEvent(firstId + i, event));
        }
        return events;
    }

    private static List<Chunk> observeAll(ChunkMemory memory, List<StoredEvent> events) {
        List<Chunk> created = new ArrayList<>();
        events.forEach(e -> created.addAll(memory.observe(e)));
        created.addAll(memory.flushAll());
        return created;
    }

    @Test
    void summarisesEpisodesDeterministicallyWithRoomObjectsAndOutcome() {
        List<Chunk> first = observeAll(memory(new TreeMap<>(), new TreeMap<>()), fetchTheMug(1, 10, false));
        List<Chunk> again = observeAll(memory(new TreeMap<>(), new TreeMap<>()), fetchTheMug(1, 10, false));
        assertThat(again).isEqualTo(first);

        List<Chunk> episodes = first.stream().filter(c -> c.level() == ChunkLevel.EPISODE).toList();
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).places()).containsExactly("hallway");
        assertThat(episodes.get(1).summary()).isEqualTo("robot_1 in kitchen from t=30.0s to t=50.0s (20 s, 5 events)."
                + " Task: fetch the red mug. Did: navigated to the kitchen; picked up the red mug."
                + " Saw: red mug #7, kitchen table #3. Outcome: finished fetch the red mug.");
        assertThat(episodes.get(0).summary()).contains("hallway", "hallway door #9",
                "Outcome: none recorded, task still running");

        Chunk session = first.get(first.size() - 1);
        assertThat(session.level()).isEqualTo(ChunkLevel.SESSION);
        assertThat(session.members()).containsExactly(episodes.get(0).id(), episodes.get(1).id());
        assertThat(session.summary()).startsWith("robot_1 session from t=10.0s to t=50.0s (40 s, 2 episodes, 9 events)"
                + " in kitchen, hallway.").contains("red mug #7", "finished fetch the red mug");

        List<Chunk> failed = observeAll(memory(new TreeMap<>(), new TreeMap<>()), fetchTheMug(1, 10, true));
        assertThat(failed.get(1).summary()).contains("Outcome: failed fetch the red mug (failed task fetch the red"
                + " mug: gripper slipped)");
    }

    @Test
    void recordsPlacesProvenanceAndWhatEachChunkWasDerivedFrom() {
        List<Chunk> chunks = observeAll(memory(new TreeMap<>(), new TreeMap<>()), fetchTheMug(1, 10, false));
        Chunk kitchen = chunks.get(1);
        assertThat(kitchen.members()).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(kitchen.firstEventId()).isEqualTo(5);
        assertThat(kitchen.lastEventId()).isEqualTo(9);
        assertThat(kitchen.centroid().orElseThrow().x()).isCloseTo(2.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kitchen.bounds().orElseThrow().min().x()).isCloseTo(2.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kitchen.bounds().orElseThrow().max().x()).isCloseTo(2.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kitchen.objects()).containsExactly(7L, 3L);
        assertThat(kitchen.provenance().robot()).isEqualTo(ROBOT);
        assertThat(kitchen.provenance().time()).isEqualTo(kitchen.end());
        assertThat(kitchen.version()).isEqualTo(1);
        float[] v = kitchen.vector().toArray();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void closesSessionsAtLongGaps() {
        List<StoredEvent> events = new ArrayList<>(fetchTheMug(1, 10, false));
        events.addAll(fetchTheMug(10, 100, true));
        events.addAll(fetchTheMug(19, 10 + 3 * 3600, false)); // three hours later: a new session
        ChunkMemory memory = memory(new TreeMap<>(), new TreeMap<>());
        observeAll(memory, events);
        List<Chunk> sessions = memory.sessions(ROBOT);
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).eventCount()).isEqualTo(18);
        assertThat(sessions.get(1).eventCount()).isEqualTo(9);
        assertThat(memory.members(sessions.get(0)).stream().mapToInt(Chunk::eventCount).sum()).isEqualTo(18);
        assertThat(sessions.get(0).outcomes()).containsExactly("finished fetch the red mug",
                "failed fetch the red mug (failed task fetch the red mug: gripper slipped)");
        assertThat(memory.stats().sessions()).isEqualTo(2);
        assertThat(memory.openEpisodes(ROBOT)).isEmpty();
    }

    @Test
    void reopensFromItsMapsAndResumesWhereTheLastEpisodeEnded() {
        SyntheticHistory.History history = new SyntheticHistory(21, 0.05, 2).take(3000);
        List<StoredEvent> events = history.events();
        int cut = 1800;
        ConcurrentSkipListMap<Long, EventTrace> traces = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<Long, Chunk> chunks = new ConcurrentSkipListMap<>();
        ChunkMemory before = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        events.subList(0, cut).forEach(before::observe);

        // Reopen after a crash: the segmenter's state is gone; replay from where the memory says.
        ChunkMemory after = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        assertThat(after.stats().events()).isEqualTo(cut);
        for (StoredEvent e : events.subList(0, cut)) {
            if (e.id() >= after.replayFrom(e.event().robot())) {
                after.observe(e);
            }
        }
        events.subList(cut, events.size()).forEach(after::observe);

        ChunkMemory uninterrupted = new ChunkMemory(new TreeMap<>(), new TreeMap<>(), embedder,
                ChunkSettings.DEFAULT, id -> history.labels().get(id));
        events.forEach(uninterrupted::observe);
        assertThat(after.stats()).isEqualTo(uninterrupted.stats());
        RecallQuery query = RecallQuery.of(embedder.embed("patrol the kitchen"), 10);
        assertThat(after.recall(query)).isEqualTo(uninterrupted.recall(query));
        assertThat(traces).hasSize(events.size());
        assertThatThrownBy(() -> after.observe(events.get(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("open segments");
    }

    @Test
    void reopensWhenConsolidationRemovedEventsOfTheOpenTail() {
        SyntheticHistory.History history = new SyntheticHistory(21, 0.05, 2).take(3000);
        List<StoredEvent> events = history.events();
        int cut = 1800;
        ConcurrentSkipListMap<Long, EventTrace> traces = new ConcurrentSkipListMap<>();
        ConcurrentSkipListMap<Long, Chunk> chunks = new ConcurrentSkipListMap<>();
        ChunkMemory before = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        events.subList(0, cut).forEach(before::observe);
        // Consolidation merged away every other event of each robot's open tail: the replay no longer sees them.
        Set<Long> mergedAway = new HashSet<>();
        for (RobotId robot : Set.copyOf(events.stream().map(e -> e.event().robot()).toList())) {
            long lastChunked = Stream.concat(before.sessions(robot).stream(),
                    before.openEpisodes(robot).stream()).mapToLong(Chunk::lastEventId).max().orElse(0);
            events.subList(0, cut).stream().filter(e -> e.event().robot().equals(robot) && e.id() > lastChunked)
                    .skip(1).filter(e -> e.id() % 2 == 0).forEach(e -> mergedAway.add(e.id()));
        }
        assertThat(mergedAway).isNotEmpty();

        ChunkMemory after = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        for (StoredEvent e : events.subList(0, cut)) {
            if (e.id() >= after.replayFrom(e.event().robot()) && !mergedAway.contains(e.id())) {
                after.observe(e);
            }
        }
        events.subList(cut, events.size()).forEach(after::observe);
        after.flushAll();

        assertThat(after.stats().events()).isEqualTo(events.size());
        long inEpisodes = 0;
        Set<Long> members = new HashSet<>();
        for (RobotId robot : Set.copyOf(events.stream().map(e -> e.event().robot()).toList())) {
            for (Chunk session : after.sessions(robot)) {
                for (Chunk episode : after.members(session)) {
                    inEpisodes += episode.eventCount();
                    members.addAll(episode.members());
                }
            }
        }
        assertThat(inEpisodes).as("every event still in the log sits in one episode")
                .isEqualTo(events.size() - mergedAway.size());
        assertThat(members).hasSize(events.size() - mergedAway.size()).doesNotContainAnyElementsOf(mergedAway);
        RecallQuery query = RecallQuery.of(embedder.embed("patrol the kitchen"), 10);
        assertThat(after.recall(query).hits()).hasSize(10);
    }

    @Test
    void forgottenEpisodesLeaveMemoryAPageAtATimeAndScoreNothing() {
        SyntheticHistory.History history = new SyntheticHistory(21, 0.05, 1).take(4000);
        ChunkMemory memory = new ChunkMemory(new TreeMap<>(), new TreeMap<>(), embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        history.events().forEach(memory::observe);
        RobotId robot = history.events().get(0).event().robot();
        RecallQuery query = RecallQuery.of(embedder.embed("patrol the kitchen"), 10);
        List<Long> before = memory.scan(query).hits().stream().map(RecalledEvent::eventId).toList();

        // Forget the oldest episodes until more than two pages (2 x 1024 events) are forgotten.
        Set<Long> forgotten = new HashSet<>();
        int freed = 0;
        for (Chunk session : memory.sessions(robot)) {
            for (Chunk episode : memory.members(session)) {
                if (forgotten.size() < 2200) {
                    freed += memory.releaseDetail(episode);
                    forgotten.addAll(episode.members());
                }
            }
        }

        assertThat(freed).as("two whole pages of vectors freed").isEqualTo(2 * 1024);
        List<Long> after = memory.scan(query).hits().stream().map(RecalledEvent::eventId).toList();
        assertThat(after).doesNotContainAnyElementsOf(forgotten.stream().filter(id -> id <= 2048).toList());
        assertThat(after).containsAll(before.stream().filter(id -> !forgotten.contains(id)).toList());
        assertThat(memory.recall(query).hits().stream().map(RecalledEvent::eventId).toList())
                .as("the hierarchical path's int8 copies are freed too")
                .doesNotContainAnyElementsOf(forgotten.stream().filter(id -> id <= 2048).toList());
        assertThat(memory.releaseDetail(memory.members(memory.sessions(robot).get(0)).get(0)))
                .as("releasing again frees nothing").isZero();
    }

    @Test
    void forgottenEpisodesLeaveTheIndexWhileTheirSummariesStayListed() {
        SyntheticHistory.History history = new SyntheticHistory(21, 0.05, 1).take(4000);
        TreeMap<Long, EventTrace> traces = new TreeMap<>();
        TreeMap<Long, Chunk> chunks = new TreeMap<>();
        ChunkMemory memory = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        history.events().forEach(memory::observe);
        RobotId robot = history.events().get(0).event().robot();
        ChunkStats before = memory.stats();
        List<Chunk> sessions = memory.sessions(robot);
        RecallQuery query = RecallQuery.of(embedder.embed("patrol the kitchen"), 10);
        List<Long> ranked = memory.scan(query).hits().stream().map(RecalledEvent::eventId).toList();

        // Forget every episode of all sessions but the last two, as a forgetting pass would.
        Set<Long> forgotten = new HashSet<>();
        List<Chunk> forgottenEpisodes = new ArrayList<>();
        for (Chunk session : sessions.subList(0, sessions.size() - 2)) {
            for (Chunk episode : memory.members(session)) {
                memory.releaseDetail(episode);
                forgottenEpisodes.add(episode);
                forgotten.addAll(episode.members());
            }
        }
        assertThat(forgotten).as("precondition: more than two pages forgotten").hasSizeGreaterThan(2048);
        assertThat(memory.sessionsWithDetail(robot)).extracting(Chunk::id).as("the first read after forgetting")
                .isEqualTo(sessions.subList(sessions.size() - 2, sessions.size()).stream().map(Chunk::id).toList());
        ChunkStats after = memory.stats();

        assertThat(after.indexedEpisodes()).as("forgotten episodes left the retrieval index")
                .isEqualTo(before.indexedEpisodes() - forgottenEpisodes.size());
        assertThat(after.heldEvents()).as("whole forgotten pages dropped their ids and times")
                .isEqualTo(before.events() - forgotten.size() / 1024 * 1024);
        assertThat(after.indexBytes()).as("the index holds about what is still remembered in detail")
                .isLessThan(before.indexBytes() / 2);
        assertThat(memory.sessions(robot)).as("every session's summary is still listed")
                .extracting(Chunk::summary).isEqualTo(sessions.stream().map(Chunk::summary).toList());
        assertThat(memory.members(memory.sessions(robot).get(0))).extracting(Chunk::id)
                .isEqualTo(memory.members(sessions.get(0)).stream().map(Chunk::id).toList());
        assertThat(memory.sessionsWithDetail(robot)).extracting(Chunk::id)
                .isEqualTo(sessions.subList(sessions.size() - 2, sessions.size()).stream().map(Chunk::id).toList());
        List<Long> hits = memory.recall(query).hits().stream().map(RecalledEvent::eventId).toList();
        assertThat(hits).isNotEmpty().doesNotContainAnyElementsOf(forgotten);
        assertThat(memory.scan(query).hits().stream().map(RecalledEvent::eventId).toList())
                .as("what is not forgotten ranks as before")
                .containsAll(ranked.stream().filter(id -> !forgotten.contains(id)).toList());
        assertThat(memory.releaseDetail(forgottenEpisodes.get(0))).as("a dropped episode frees nothing").isZero();

        // A reopen reads every trace back; releasing the forgotten episodes again gives the same index.
        ChunkMemory reopened = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        forgottenEpisodes.forEach(reopened::releaseDetail);
        assertThat(reopened.stats()).isEqualTo(after);
        assertThat(reopened.sessions(robot)).extracting(Chunk::id).isEqualTo(sessions.stream().map(Chunk::id).toList());

        // Consolidation rebuilds the index from the chunk map: dropped episodes stay out, summaries stay listed.
        memory.consolidate(Timestamp.ZERO, Timestamp.ofNanos(Long.MAX_VALUE), ChunkConsolidationPolicy.DEFAULT);
        assertThat(memory.stats().indexedEpisodes()).isLessThanOrEqualTo(after.indexedEpisodes());
        assertThat(memory.stats().heldEvents()).isEqualTo(after.heldEvents());
        assertThat(memory.sessions(robot)).extracting(Chunk::id).isEqualTo(sessions.stream().map(Chunk::id).toList());
        assertThat(memory.recall(query).hits()).extracting(RecalledEvent::eventId).isNotEmpty()
                .doesNotContainAnyElementsOf(forgotten);
    }

    @Test
    void refusesInconsistentChunksNamingTheField() {
        Chunk valid = observeAll(memory(new TreeMap<>(), new TreeMap<>()), fetchTheMug(1, 10, false)).get(0);
        assertThatThrownBy(() -> new Chunk(0, valid.level(), valid.robot(), valid.start(), valid.end(),
                valid.members(), valid.eventCount(), valid.firstEventId(), valid.lastEventId(), valid.placedEvents(),
                valid.centroid(), valid.bounds(), valid.places(), valid.objects(), valid.tasks(), valid.outcomes(),
                valid.summary(), valid.vector()))
                .isInstanceOf(InvalidValueException.class).satisfies(e -> assertThat(
                        ((InvalidValueException) e).field()).isEqualTo("id"));
        assertThatThrownBy(() -> new Chunk(1, valid.level(), valid.robot(), valid.end(), valid.start(),
                valid.members(), valid.eventCount(), valid.firstEventId(), valid.lastEventId(), valid.placedEvents(),
                valid.centroid(), valid.bounds(), valid.places(), valid.objects(), valid.tasks(), valid.outcomes(),
                valid.summary(), valid.vector()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("end");
        assertThatThrownBy(() -> new Chunk(1, valid.level(), valid.robot(), valid.start(), valid.end(),
                valid.members(), valid.eventCount(), valid.firstEventId(), valid.lastEventId(), 0,
                valid.centroid(), valid.bounds(), valid.places(), valid.objects(), valid.tasks(), valid.outcomes(),
                valid.summary(), valid.vector()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("centroid");
        assertThatThrownBy(() -> ChunkLevel.ofCode(9)).isInstanceOf(InvalidValueException.class);
    }
}
