package dev.loci.episodic.event;

import static dev.loci.episodic.event.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventTest {
    private static final RobotId ROBOT = RobotId.of("tb3");
    private static final Timestamp TIME = Timestamp.ofNanos(5_000);

    private static Event described(String description) {
        return Event.of(ROBOT, TIME, EventType.ACTION, "task_manager", description);
    }

    private static List<Long> ids(long from, long count) {
        return LongStream.range(from, from + count).boxed().toList();
    }

    @Test
    void keepsEveryField() {
        Event e = described("picked up the cup").at(new Vec3(1, 2, 0)).involving(List.of(3L, 4L))
                .withAttributes(Map.of("skill", "pick"));

        assertThat(e.robot()).isEqualTo(ROBOT);
        assertThat(e.time()).isEqualTo(TIME);
        assertThat(e.type()).isEqualTo(EventType.ACTION);
        assertThat(e.source()).isEqualTo("task_manager");
        assertThat(e.description()).isEqualTo("picked up the cup");
        assertThat(e.place()).contains(new Vec3(1, 2, 0));
        assertThat(e.objects()).containsExactly(3L, 4L);
        assertThat(e.attributes()).containsExactly(Map.entry("skill", "pick"));
        assertThat(e.provenance()).isEqualTo(new Provenance(ROBOT, "task_manager", TIME));
    }

    @Test
    void ofHasNoPlaceObjectsOrAttributes() {
        Event e = described("started");

        assertThat(e.place()).isEmpty();
        assertThat(e.objects()).isEmpty();
        assertThat(e.attributes()).isEmpty();
    }

    @Test
    void refusesBlankDescription() {
        assertRefused(() -> described(""), "description", "\"\"", "must not be empty");
        assertRefused(() -> described("   "), "description", "\"   \"", "must not be empty");
        assertRefused(() -> described(null), "description", "null", "is required");
    }

    @Test
    void refusesDescriptionLongerThan1024Characters() {
        assertThat(described("d".repeat(1024)).description()).hasSize(1024);
        assertRefused(() -> described("d".repeat(1025)), "description", "d".repeat(77) + "...(1025 chars)",
                "is longer than 1024 characters");
    }

    @Test
    void refusesControlCharactersInDescription() {
        assertRefused(() -> described("line one\nline two"), "description", "line one\nline two",
                "contains a control character at index 8");
    }

    @Test
    void refusesBadSource() {
        assertRefused(() -> Event.of(ROBOT, TIME, EventType.ACTION, "", "x"), "source", "\"\"", "must not be empty");
        assertRefused(() -> Event.of(ROBOT, TIME, EventType.ACTION, "s".repeat(65), "x"), "source", "s".repeat(65),
                "is longer than 64");
    }

    @Test
    void refusesMissingParts() {
        assertRefused(() -> Event.of(null, TIME, EventType.ACTION, "s", "x"), "robot", "null", "is required");
        assertRefused(() -> Event.of(ROBOT, null, EventType.ACTION, "s", "x"), "time", "null", "is required");
        assertRefused(() -> Event.of(ROBOT, TIME, null, "s", "x"), "type", "null", "is required");
        assertRefused(() -> new Event(ROBOT, TIME, EventType.ACTION, "s", "x", new TreeMap<>(), null, List.of()),
                "place", "null", "is required");
        assertRefused(() -> new Event(ROBOT, TIME, EventType.ACTION, "s", "x", new TreeMap<>(), Optional.empty(),
                null), "objects", "null", "is required");
    }

    @Test
    void acceptsSixtyFourObjectsButRefusesSixtyFive() {
        assertThat(described("x").involving(ids(1, 64)).objects()).hasSize(64);
        assertRefused(() -> described("x").involving(ids(1, 65)), "objects", "65 entries", "has more than 64 entries");
    }

    @Test
    void refusesObjectIdsBelowOneNamingTheId() {
        assertRefused(() -> described("x").involving(List.of(4L, 0L)), "objects", "0", "must hold object ids >= 1");
        assertRefused(() -> described("x").involving(List.of(-3L)), "objects", "-3", "must hold object ids >= 1");
        assertRefused(() -> described("x").involving(Arrays.asList(1L, null)), "objects", "null",
                "must hold object ids >= 1");
    }

    @Test
    void refusesTooManyAttributes() {
        TreeMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < 17; i++) {
            attributes.put("k" + i, "v");
        }
        assertRefused(() -> described("x").withAttributes(attributes), "attributes", "17 entries",
                "has more than 16 entries");
    }

    @Test
    void copiesObjectsAndAttributes() {
        List<Long> objects = new ArrayList<>(List.of(1L, 2L));
        TreeMap<String, String> attributes = new TreeMap<>(Map.of("k", "v"));
        Event e = new Event(ROBOT, TIME, EventType.CUSTOM, "s", "x", attributes, Optional.empty(), objects);

        objects.add(3L);
        attributes.put("k2", "v2");

        assertThat(e.objects()).containsExactly(1L, 2L);
        assertThat(e.attributes()).containsOnlyKeys("k");
        assertThatThrownBy(() -> e.objects().add(9L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.attributes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsByValue() {
        assertThat(described("x").involving(List.of(1L))).isEqualTo(described("x").involving(List.of(1L)));
        assertThat(described("x")).isNotEqualTo(described("y"));
    }
}
