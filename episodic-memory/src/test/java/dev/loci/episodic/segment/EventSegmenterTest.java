package dev.loci.episodic.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventSegmenterTest {
    private static final RobotId ROBOT = RobotId.of("robot_1");
    private final TextEmbedder embedder = new HashingEmbedder(256);
    private final EventText text = new EventText(AttributeKeys.DEFAULT);

    private List<Segment> segment(List<StoredEvent> events, SegmentationSettings settings) {
        EventSegmenter segmenter = new EventSegmenter(settings);
        List<Segment> segments = new ArrayList<>();
        for (StoredEvent e : events) {
            segments.addAll(segmenter.observe(e, embedder.embed(text.of(e.event()))));
        }
        segments.addAll(segmenter.flushAll());
        return segments;
    }

    private static Set<Long> starts(List<Segment> segments) {
        Set<Long> starts = new HashSet<>();
        for (Segment s : segments) {
            if (s.start().cause() != BoundaryCause.FIRST_EVENT) {
                starts.add(s.firstEventId());
            }
        }
        return starts;
    }

    private static SegmentationSettings withoutRefinement() {
        return SegmentationSettings.DEFAULT.withRefinement(new RefinementSettings(0, 12, 0.4, 0.4, 0.2, 3.0));
    }

    @Test
    void findsScriptedRoomAndTaskBoundariesWithF1AboveNinetyPercent() {
        SyntheticHistory.History history = new SyntheticHistory(7, 0.05, 2).take(6000);
        List<Segment> refined = segment(history.events(), SegmentationSettings.DEFAULT);
        BoundaryScore score = BoundaryScore.of(history.events(), history.truthStarts(), starts(refined), 1);
        BoundaryScore exact = BoundaryScore.of(history.events(), history.truthStarts(), starts(refined), 0);
        Set<Long> unrefined = starts(segment(history.events(), withoutRefinement()));
        BoundaryScore surpriseOnly = BoundaryScore.of(history.events(), history.truthStarts(), unrefined, 1);
        BoundaryScore surpriseOnlyExact = BoundaryScore.of(history.events(), history.truthStarts(), unrefined, 0);
        System.out.printf("segmentation, 2 robots x 3000 events, 5%% distractors: within 1 event %s; exact %s;"
                + " without refinement: within 1 %s, exact %s%n", score, exact, surpriseOnly, surpriseOnlyExact);
        assertThat(score.f1()).isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest(name = "gamma {0}")
    @ValueSource(doubles = {1.25, 1.5, 1.75})
    void staysAboveNinetyPercentWithThreeTimesTheDistractorsAcrossARangeOfGamma(double gamma) {
        SyntheticHistory.History history = new SyntheticHistory(11, 0.15, 1).take(3000);
        List<Segment> segments = segment(history.events(), SegmentationSettings.DEFAULT.withGamma(gamma));
        BoundaryScore score = BoundaryScore.of(history.events(), history.truthStarts(), starts(segments), 1);
        System.out.printf("segmentation, 15%% distractors, gamma %.2f: %s%n", gamma, score);
        assertThat(score.f1()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void refinementNeverLowersModularityAndMovesSomeBoundaries() {
        SyntheticHistory.History history = new SyntheticHistory(5, 0.1, 1).take(2000);
        List<Boundary> refined = segment(history.events(), SegmentationSettings.DEFAULT).stream()
                .flatMap(s -> s.end().stream()).filter(Boundary::refined).toList();
        assertThat(refined).isNotEmpty();
        assertThat(refined).allSatisfy(b -> assertThat(b.modularityAfter()).isGreaterThanOrEqualTo(
                b.modularityBefore()));
        List<Boundary> moved = refined.stream().filter(b -> b.shift() != 0).toList();
        assertThat(moved).isNotEmpty().allSatisfy(b -> assertThat(b.modularityAfter()).isGreaterThan(
                b.modularityBefore()));
        assertThat(refined).allSatisfy(b -> assertThat(Math.abs(b.shift())).isLessThanOrEqualTo(2));
        System.out.printf("refinement: %d boundaries, %d moved, mean modularity gain of the moved %.4f%n",
                refined.size(), moved.size(), moved.stream()
                        .mapToDouble(b -> b.modularityAfter() - b.modularityBefore()).average().orElse(0));
    }

    /**
     * Two events in the mailroom carry no room and no place, so the surprise test (here blind to text) only
     * fires at the first event that names the mailroom; their text is the mailroom's, so refinement moves the
     * boundary back to them.
     */
    @Test
    void refinementMovesALateBoundaryBackToWhereTheTextChanged() {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(stored(events, "wiping the kitchen counter with a cloth", "kitchen", new Vec3(0, 0, 0)));
        }
        for (int i = 0; i < 2; i++) {
            events.add(stored(events, "sorting letters from the mailroom tray", null, null));
        }
        for (int i = 0; i < 12; i++) {
            events.add(stored(events, "sorting letters from the mailroom tray", "mailroom", new Vec3(20, 0, 0)));
        }
        SurpriseSettings blindToText = new SurpriseSettings(1, 1, 0.5, 1.5, 0, 0.5, 4, 120);
        SegmentationSettings settings = new SegmentationSettings(64, 1.5, 1.0, 4, 128, blindToText,
                RefinementSettings.DEFAULT, AttributeKeys.DEFAULT);
        List<Segment> segments = segment(events, settings);
        assertThat(segments).hasSize(2);
        Boundary boundary = segments.get(0).end().orElseThrow();
        assertThat(boundary.tentativeEventId()).isEqualTo(13);
        assertThat(boundary.eventId()).isEqualTo(11);
        assertThat(boundary.shift()).isEqualTo(-2);
        assertThat(boundary.modularityAfter()).isGreaterThan(boundary.modularityBefore());
        assertThat(segments.get(0).size()).isEqualTo(10);
        assertThat(boundary.surprise().placeName()).isEqualTo(1.0);
        assertThat(boundary.surprise().strongest(blindToText)).isIn("place", "placeName");
    }

    @Test
    void cutsOverlongSegmentsAndKeepsTheMinimumLength() {
        List<StoredEvent> same = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            same.add(stored(same, "idle at the dock", "garage", new Vec3(1, 1, 0)));
        }
        List<Segment> segments = segment(same, SegmentationSettings.DEFAULT);
        assertThat(segments).allSatisfy(s -> assertThat(s.size()).isLessThanOrEqualTo(128 + 2));
        assertThat(segments.stream().skip(1)).allSatisfy(s -> assertThat(s.start().cause())
                .isEqualTo(BoundaryCause.MAX_LENGTH));

        // A new room every second event: surprising every time, but no segment may be shorter than 4.
        List<StoredEvent> restless = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int room = i / 2;
            restless.add(stored(restless, "visiting room " + room, "room_" + room, new Vec3(10 * room, 0, 0)));
        }
        List<Segment> cut = segment(restless, SegmentationSettings.DEFAULT);
        assertThat(cut).hasSizeGreaterThan(1);
        assertThat(cut.subList(0, cut.size() - 1)).allSatisfy(s -> assertThat(s.size()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void keepsEachRobotsSegmentsToItsOwnConsecutiveEvents() {
        SyntheticHistory.History history = new SyntheticHistory(3, 0.05, 3).take(2400);
        List<Segment> segments = segment(history.events(), SegmentationSettings.DEFAULT);
        Map<RobotId, List<Long>> covered = new java.util.TreeMap<>();
        for (Segment s : segments) {
            assertThat(s.events()).allSatisfy(e -> assertThat(e.event().robot()).isEqualTo(s.robot()));
            covered.computeIfAbsent(s.robot(), r -> new ArrayList<>()).addAll(s.events().stream()
                    .map(StoredEvent::id).toList());
        }
        for (var entry : covered.entrySet()) {
            List<Long> expected = history.events().stream().filter(e -> e.event().robot().equals(entry.getKey()))
                    .map(StoredEvent::id).toList();
            assertThat(entry.getValue()).as("robot %s", entry.getKey()).isEqualTo(expected);
        }
        assertThat(covered).hasSize(3);
    }

    @Test
    void refusesBadSettingsNamingTheField() {
        assertThatThrownBy(() -> new SegmentationSettings(1, 1.5, 1, 4, 128, SurpriseSettings.DEFAULT,
                RefinementSettings.DEFAULT, AttributeKeys.DEFAULT))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("window")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("window"));
        assertThatThrownBy(() -> new SegmentationSettings(64, 1.5, 1, 10, 128, SurpriseSettings.DEFAULT,
                new RefinementSettings(4, 8, 1, 1, 1, 3), AttributeKeys.DEFAULT))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("refinement.context"));
        assertThatThrownBy(() -> new SurpriseSettings(0, 0, 0, 0, 0, 0, 4, 120))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("surprise weights");
        assertThatThrownBy(() -> new RefinementSettings(2, 12, Double.NaN, 1, 1, 3))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("textWeight");
        assertThatThrownBy(() -> new EventSegmenter(SegmentationSettings.DEFAULT).observe(
                stored(new ArrayList<>(), "x", "kitchen", Vec3.ZERO), embedder.embed("x")).addAll(
                new EventSegmenter(SegmentationSettings.DEFAULT).observe(null, null)))
                .isInstanceOf(InvalidValueException.class);
    }

    private static StoredEvent stored(List<StoredEvent> before, String description, String room, Vec3 place) {
        long id = before.size() + 1;
        Event event = Event.of(ROBOT, Timestamp.ofSeconds(100 + 5 * id), EventType.ACTION, "tasks", description);
        if (room != null) {
            event = event.withAttributes(Map.of("room", room));
        }
        if (place != null) {
            event = event.at(place);
        }
        return new StoredEvent(id, event);
    }
}
