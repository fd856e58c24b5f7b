package dev.loci.spatial.objects;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RememberedObjectTest {
    private static final Provenance FIRST = new Provenance(RobotId.of("a"), "camera", Timestamp.ofNanos(1));
    private static final Provenance LAST = new Provenance(RobotId.of("b"), "camera", Timestamp.ofNanos(2));
    private static final Vec3 POSITION = new Vec3(1, 2, 0.5);
    private static final Vec3 SIZE = new Vec3(0.1, 0.1, 0.2);

    private static RememberedObject object(long id, String label, Vec3 size, long count, double confidence,
                                           SortedMap<String, String> attributes, long lastObservation,
                                           long version) {
        return new RememberedObject(id, label, POSITION, size, POSITION, count, confidence, attributes, FIRST, LAST,
                lastObservation, version, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1));
    }

    private static RememberedObject valid() {
        return object(1, "cup", SIZE, 1, 0.5, new TreeMap<>(), 0, 1);
    }

    @Test
    void keepsEveryField() {
        RememberedObject o = new RememberedObject(7, "cup", POSITION, SIZE, new Vec3(1, 2, 0.6), 3, 0.8,
                new TreeMap<>(Map.of("color", "red")), FIRST, LAST, 11, 3, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1));

        assertThat(o.id()).isEqualTo(7);
        assertThat(o.label()).isEqualTo("cup");
        assertThat(o.position()).isEqualTo(POSITION);
        assertThat(o.size()).isEqualTo(SIZE);
        assertThat(o.lastSeenAt()).isEqualTo(new Vec3(1, 2, 0.6));
        assertThat(o.observationCount()).isEqualTo(3);
        assertThat(o.confidence()).isEqualTo(0.8);
        assertThat(o.attributes()).containsExactly(Map.entry("color", "red"));
        assertThat(o.firstSeen()).isEqualTo(FIRST);
        assertThat(o.lastSeen()).isEqualTo(LAST);
        assertThat(o.lastObservation()).isEqualTo(11);
        assertThat(o.version()).isEqualTo(3);
    }

    @Test
    void refusesNegativeId() {
        assertRefused(() -> object(-1, "cup", SIZE, 1, 0.5, new TreeMap<>(), 0, 1), "id", "-1",
                "must not be negative");
    }

    @Test
    void refusesBadLabel() {
        assertRefused(() -> object(1, " ", SIZE, 1, 0.5, new TreeMap<>(), 0, 1), "label", "\" \"");
        assertRefused(() -> object(1, "x".repeat(65), SIZE, 1, 0.5, new TreeMap<>(), 0, 1), "label",
                "x".repeat(65), "longer than 64");
    }

    @Test
    void refusesNegativeSizeNamingTheAxis() {
        assertRefused(() -> object(1, "cup", new Vec3(-0.1, 0, 0), 1, 0.5, new TreeMap<>(), 0, 1), "size.x", "-0.1");
        assertRefused(() -> object(1, "cup", new Vec3(0, -0.2, 0), 1, 0.5, new TreeMap<>(), 0, 1), "size.y", "-0.2");
        assertRefused(() -> object(1, "cup", new Vec3(0, 0, -0.3), 1, 0.5, new TreeMap<>(), 0, 1), "size.z", "-0.3");
    }

    @Test
    void refusesObservationCountBelowOne() {
        assertRefused(() -> object(1, "cup", SIZE, 0, 0.5, new TreeMap<>(), 0, 1), "observationCount", "0",
                "must be at least 1");
    }

    @Test
    void refusesConfidenceOutsideZeroToOne() {
        assertRefused(() -> object(1, "cup", SIZE, 1, 1.5, new TreeMap<>(), 0, 1), "confidence", "1.5");
        assertRefused(() -> object(1, "cup", SIZE, 1, Double.NaN, new TreeMap<>(), 0, 1), "confidence", "NaN");
    }

    @Test
    void refusesTooManyAttributes() {
        TreeMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < 17; i++) {
            attributes.put("k" + i, "v");
        }
        assertRefused(() -> object(1, "cup", SIZE, 1, 0.5, attributes, 0, 1), "attributes", "17 entries");
    }

    @Test
    void refusesNegativeLastObservationAndVersionBelowOne() {
        assertRefused(() -> object(1, "cup", SIZE, 1, 0.5, new TreeMap<>(), -3, 1), "lastObservation", "-3");
        assertRefused(() -> object(1, "cup", SIZE, 1, 0.5, new TreeMap<>(), 0, 0), "version", "0",
                "must be at least 1");
    }

    @Test
    void refusesMissingParts() {
        RememberedObject v = valid();
        assertRefused(() -> new RememberedObject(1, "cup", null, SIZE, POSITION, 1, 0.5, new TreeMap<>(), FIRST,
                LAST, 0, 1, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1)), "position", "null");
        assertRefused(() -> new RememberedObject(1, "cup", POSITION, null, POSITION, 1, 0.5, new TreeMap<>(), FIRST,
                LAST, 0, 1, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1)), "size", "null");
        assertRefused(() -> new RememberedObject(1, "cup", POSITION, SIZE, null, 1, 0.5, new TreeMap<>(), FIRST,
                LAST, 0, 1, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1)), "lastSeenAt", "null");
        assertRefused(() -> new RememberedObject(1, "cup", POSITION, SIZE, POSITION, 1, 0.5, new TreeMap<>(), null,
                LAST, 0, 1, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1)), "firstSeen", "null");
        assertRefused(() -> new RememberedObject(1, "cup", POSITION, SIZE, POSITION, 1, 0.5, new TreeMap<>(), FIRST,
                null, 0, 1, ObjectStatus.PRESENT, 0, new java.util.TreeSet<>(), java.util.List.of(), Timestamp.ofNanos(1)), "lastSeen", "null");
        assertThat(v.id()).isEqualTo(1);
    }

    @Test
    void copiesAttributesAndExposesThemUnmodifiable() {
        TreeMap<String, String> source = new TreeMap<>(Map.of("color", "red"));
        RememberedObject o = object(1, "cup", SIZE, 1, 0.5, source, 0, 1);

        source.put("color", "green");

        assertThat(o.attributes()).containsExactly(Map.entry("color", "red"));
        assertThatThrownBy(() -> o.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsByValue() {
        assertThat(valid()).isEqualTo(valid()).hasSameHashCodeAs(valid());
        assertThat(valid()).isNotEqualTo(object(2, "cup", SIZE, 1, 0.5, new TreeMap<>(), 0, 1));
    }
}
