package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.synthetic.RecallQueries;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hierarchical recall against the exhaustive scan on a 50k-event synthetic history (2 robots, ~210 sessions,
 * ~5800 episodes). Agreement: the hierarchical top-10 holds exactly the exhaustive top-10's events.
 */
class HierarchicalRecallTest {
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);
    /** Session keys (task groups) descended into: about a fifth of the ~1900 keys. */
    private static final int GROUP_BEAM = 400;
    private static SyntheticHistory generator;
    private static SyntheticHistory.History history;
    private static ChunkMemory memory;

    /** What a set of queries measured. */
    record Agreement(double sameTop10, double recallAt10, double meanScored, double maxScored) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "same top-10 %.3f, recall@10 %.3f, events scored mean %.4f max %.4f",
                    sameTop10, recallAt10, meanScored, maxScored);
        }
    }

    @BeforeAll
    static void buildHistory() {
        generator = new SyntheticHistory(3, 0.05, 2);
        history = generator.take(50_000);
        memory = new ChunkMemory(new TreeMap<>(), new TreeMap<>(), EMBEDDER, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        history.events().forEach(memory::observe);
    }

    private static Agreement agreement(List<String> questions, int sessionBeam, int episodeBeam) {
        int same = 0;
        double recall = 0;
        double scored = 0;
        double maxScored = 0;
        for (String question : questions) {
            RecallQuery query = RecallQuery.of(EMBEDDER.embed(question), 10).beams(sessionBeam, GROUP_BEAM,
                    episodeBeam);
            RecallResult hierarchical = memory.recall(query);
            RecallResult exhaustive = memory.scan(query);
            Set<Long> found = new HashSet<>(hierarchical.hitIds());
            Set<Long> exact = new HashSet<>(exhaustive.hitIds());
            if (found.equals(exact)) {
                same++;
            }
            found.retainAll(exact);
            recall += found.size() / 10.0;
            scored += hierarchical.cost().fractionScored();
            maxScored = Math.max(maxScored, hierarchical.cost().fractionScored());
        }
        int n = questions.size();
        return new Agreement((double) same / n, recall / n, scored / n, maxScored);
    }

    @Test
    void taskRecallMatchesTheExhaustiveTop10OnNinetyFivePercentOfQueriesScoringUnderTenPercentOfEvents() {
        int sessionBeam = (int) (memory.stats().sessions() / 2);
        Agreement tasks = agreement(RecallQueries.aboutTasks(generator.recallableTasks(), 200, 5), sessionBeam,
                448);
        System.out.printf("recall at 50k events, %s, beams %d sessions / %d groups / 448 episodes, questions"
                + " about tasks: %s%n", memory.stats(), sessionBeam, GROUP_BEAM, tasks);
        assertThat(tasks.sameTop10()).isGreaterThanOrEqualTo(0.95);
        assertThat(tasks.maxScored()).isLessThanOrEqualTo(0.10);
    }

    /**
     * Items lie in rooms and are seen on every pass, so the sightings of one are spread over many sessions: the
     * hard case for a coarse-to-fine search. The objects-seen keys lifted same top-10 from 0.63 to 0.78 here
     * (recall@10 0.93 to 0.96), scoring them by their best label instead of the labels' mean to 0.945 (0.991);
     * at 1M events it is 0.97 (BENCHMARKS.md).
     */
    @Test
    void sightingRecallKeepsMostOfTheExhaustiveTop10() {
        int sessionBeam = (int) (memory.stats().sessions() / 2);
        Agreement sightings = agreement(RecallQueries.aboutSightings(generator.sightings(), 200, 6), sessionBeam,
                448);
        System.out.printf("recall at 50k events, questions about item sightings: %s%n", sightings);
        assertThat(sightings.sameTop10()).isGreaterThanOrEqualTo(0.92);
        assertThat(sightings.recallAt10()).isGreaterThanOrEqualTo(0.98);
        assertThat(sightings.maxScored()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void sizesDefaultBeamsToTheMemoryAndAgreesWithTheScanOnTaskQuestions() {
        RecallQuery sized = memory.query(EMBEDDER.embed("anything"), 10);
        assertThat(sized.sessionBeam()).isEqualTo((int) (memory.stats().sessions() + 2) / 2);
        assertThat(sized.groupBeam()).isGreaterThanOrEqualTo(400);
        assertThat(sized.episodeBeam()).isEqualTo(448);
        RecallResult result = memory.recall(RecallQueries.aboutTasks(generator.recallableTasks(), 1, 11).get(0), 10);
        assertThat(result.hits()).hasSize(10);
        assertThat(result.cost().fractionScored()).isLessThanOrEqualTo(0.10);
        assertThat(result.cost().keysScored()).isGreaterThan((int) memory.stats().sessions());
    }

    @Test
    void addsTemporalNeighboursOfEachHitFromTheSameRobotMarkedAsContext() {
        Map<Long, StoredEvent> byId = new HashMap<>();
        Map<RobotId, List<Long>> streams = new HashMap<>();
        for (StoredEvent e : history.events()) {
            byId.put(e.id(), e);
            streams.computeIfAbsent(e.event().robot(), r -> new ArrayList<>()).add(e.id());
        }
        RecallResult result = memory.recall(RecallQuery.of(EMBEDDER.embed(
                RecallQueries.aboutTasks(generator.recallableTasks(), 1, 9).get(0)), 5).withNeighbours(2));
        assertThat(result.hits()).hasSize(5).allSatisfy(hit -> assertThat(hit.hit()).isTrue());
        Set<Long> expected = new HashSet<>();
        for (RecalledEvent hit : result.hits()) {
            List<Long> stream = streams.get(hit.robot());
            int at = stream.indexOf(hit.eventId());
            for (int o = Math.max(0, at - 2); o <= Math.min(stream.size() - 1, at + 2); o++) {
                expected.add(stream.get(o));
            }
        }
        assertThat(result.withContext()).extracting(RecalledEvent::eventId).containsExactlyInAnyOrderElementsOf(
                expected).isSorted();
        List<RecalledEvent> context = result.withContext().stream().filter(e -> !e.hit()).toList();
        assertThat(context).isNotEmpty().hasSize(result.cost().contextEvents());
        for (RecalledEvent e : context) {
            StoredEvent anchor = byId.get(e.anchor());
            assertThat(result.hitIds()).contains(e.anchor());
            assertThat(e.robot()).isEqualTo(anchor.event().robot());
            List<Long> stream = streams.get(e.robot());
            assertThat(Math.abs(stream.indexOf(e.eventId()) - stream.indexOf(e.anchor()))).isBetween(1, 2);
        }
    }

    @Test
    void findsEventsNotYetInAnyEpisodeAndFiltersByRobot() {
        ChunkMemory fresh = new ChunkMemory(new TreeMap<>(), new TreeMap<>(), EMBEDDER, ChunkSettings.DEFAULT,
                id -> history.labels().get(id));
        history.events().subList(0, 3000).forEach(fresh::observe);
        RobotId robot = RobotId.of("robot_2");
        StoredEvent unusual = new StoredEvent(999_999, Event.of(robot, Timestamp.ofSeconds(2e9), EventType.CUSTOM,
                "monitor", "a goose wandered into the server room"));
        fresh.observe(unusual);
        RecallResult result = fresh.recall("goose in the server room", 3);
        assertThat(result.hitIds().get(0)).isEqualTo(999_999L);
        RecallResult robotOne = fresh.recall(RecallQuery.of(EMBEDDER.embed("goose in the server room"), 3)
                .ofRobot(RobotId.of("robot_1")));
        assertThat(robotOne.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.robot()).isEqualTo(
                RobotId.of("robot_1")));
        assertThat(robotOne.cost().eventsInMemory()).isLessThan(fresh.stats().events());
    }
}
