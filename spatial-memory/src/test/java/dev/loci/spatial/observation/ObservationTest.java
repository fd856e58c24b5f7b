package dev.loci.spatial.observation;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObservationTest {
    private static final RobotId ROBOT = RobotId.of("tb3");
    private static final Timestamp TIME = Timestamp.ofNanos(1_000);
    private static final Pose SENSOR_POSE = Pose.of(1, 2, 0.3, 0.5);
    private static final Aabb BOX = Aabb.centered(new Vec3(2, 2, 0.8), new Vec3(0.1, 0.1, 0.12));

    private static Observation withLabel(String label) {
        return Observation.of(ROBOT, TIME, "camera", SENSOR_POSE, label, BOX, 0.9);
    }

    private static Observation withConfidence(double confidence) {
        return Observation.of(ROBOT, TIME, "camera", SENSOR_POSE, "cup", BOX, confidence);
    }

    private static Observation withAttributes(SortedMap<String, String> attributes) {
        return new Observation(ROBOT, TIME, "camera", SENSOR_POSE, "cup", attributes, BOX, 0.9, Optional.empty(),
                Optional.empty());
    }

    private static TreeMap<String, String> attributes(int count) {
        TreeMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put("key" + i, "value" + i);
        }
        return attributes;
    }

    @Test
    void keepsEveryField() {
        Observation o = withConfidence(0.75);

        assertThat(o.robot()).isEqualTo(ROBOT);
        assertThat(o.time()).isEqualTo(TIME);
        assertThat(o.sensor()).isEqualTo("camera");
        assertThat(o.sensorPose()).isEqualTo(SENSOR_POSE);
        assertThat(o.label()).isEqualTo("cup");
        assertThat(o.box()).isEqualTo(BOX);
        assertThat(o.confidence()).isEqualTo(0.75);
        assertThat(o.attributes()).isEmpty();
        assertThat(o.embedding()).isEmpty();
        assertThat(o.image()).isEmpty();
        assertThat(o.provenance()).isEqualTo(new Provenance(ROBOT, "camera", TIME));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, -1e-12, 2, Double.MAX_VALUE})
    void refusesConfidenceOutsideZeroToOne(double confidence) {
        assertRefused(() -> withConfidence(confidence), "confidence", String.valueOf(confidence),
                "must be in [0.0, 1.0]");
    }

    @Test
    void refusesNonFiniteConfidence() {
        assertRefused(() -> withConfidence(Double.NaN), "confidence", "NaN", "must be finite");
        assertRefused(() -> withConfidence(Double.NEGATIVE_INFINITY), "confidence", "-Infinity");
    }

    @Test
    void acceptsConfidenceBounds() {
        assertThat(withConfidence(0).confidence()).isZero();
        assertThat(withConfidence(1).confidence()).isEqualTo(1);
    }

    @Test
    void refusesBlankLabel() {
        assertRefused(() -> withLabel(""), "label", "\"\"", "must not be empty");
        assertRefused(() -> withLabel(" \t "), "label", "\" \t \"", "must not be empty");
        assertRefused(() -> withLabel(null), "label", "null", "is required");
    }

    @Test
    void refusesOversizeLabel() {
        String max = "c".repeat(64);
        String tooLong = max + "c";

        assertThat(withLabel(max).label()).isEqualTo(max);
        assertRefused(() -> withLabel(tooLong), "label", tooLong, "is longer than 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cup\n", "c\u0000up", "\u007fcup", "cu\u009bp", "cup\r\nmug"})
    void refusesControlCharactersInLabel(String label) {
        int index = 0;
        while (!Character.isISOControl(label.charAt(index))) {
            index++;
        }
        assertRefused(() -> withLabel(label), "label", label, "contains a control character at index " + index);
    }

    @Test
    void acceptsUnicodeLabels() {
        assertThat(withLabel("tasse à café").label()).isEqualTo("tasse à café");
    }

    @Test
    void refusesBadSensorOrMissingParts() {
        assertRefused(() -> Observation.of(ROBOT, TIME, "", SENSOR_POSE, "cup", BOX, 1), "sensor", "\"\"");
        assertRefused(() -> Observation.of(null, TIME, "camera", SENSOR_POSE, "cup", BOX, 1), "robot", "null");
        assertRefused(() -> Observation.of(ROBOT, null, "camera", SENSOR_POSE, "cup", BOX, 1), "time", "null");
        assertRefused(() -> Observation.of(ROBOT, TIME, "camera", null, "cup", BOX, 1), "sensorPose", "null");
        assertRefused(() -> Observation.of(ROBOT, TIME, "camera", SENSOR_POSE, "cup", null, 1), "box", "null");
        assertRefused(() -> new Observation(ROBOT, TIME, "camera", SENSOR_POSE, "cup", new TreeMap<>(), BOX, 1,
                null, Optional.empty()), "embedding", "null");
        assertRefused(() -> new Observation(ROBOT, TIME, "camera", SENSOR_POSE, "cup", new TreeMap<>(), BOX, 1,
                Optional.empty(), null), "image", "null");
    }

    @Test
    void acceptsSixteenAttributesButRefusesSeventeen() {
        assertThat(withAttributes(attributes(16)).attributes()).hasSize(16);
        assertRefused(() -> withAttributes(attributes(17)), "attributes", "17 entries",
                "has more than 16 entries");
        assertRefused(() -> withAttributes(null), "attributes", "null", "is required");
    }

    @Test
    void refusesOversizeAttributeValueNamingTheKey() {
        TreeMap<String, String> ok = new TreeMap<>(Map.of("note", "n".repeat(1024)));
        TreeMap<String, String> tooLong = new TreeMap<>(Map.of("note", "n".repeat(1025)));

        assertThat(withAttributes(ok).attributes().get("note")).hasSize(1024);
        assertRefused(() -> withAttributes(tooLong), "attributes[note]", "n".repeat(77) + "...(1025 chars)",
                "is longer than 1024 characters");
    }

    @Test
    void refusesBadAttributeKeys() {
        assertRefused(() -> withAttributes(new TreeMap<>(Map.of("", "v"))), "attributes key", "\"\"");
        String longKey = "k".repeat(65);
        assertRefused(() -> withAttributes(new TreeMap<>(Map.of(longKey, "v"))), "attributes key", longKey,
                "longer than 64");
        assertRefused(() -> withAttributes(new TreeMap<>(Map.of("co\nlor", "v"))), "attributes key", "co\nlor",
                "control character");
    }

    @Test
    void copiesAttributesOnConstruction() {
        TreeMap<String, String> source = new TreeMap<>(Map.of("color", "red"));
        Observation o = withAttributes(source);

        source.put("color", "blue");
        source.put("size", "large");

        assertThat(o.attributes()).containsExactly(Map.entry("color", "red"));
    }

    @Test
    void exposesUnmodifiableAttributes() {
        Observation o = withAttributes(new TreeMap<>(Map.of("color", "red")));

        assertThatThrownBy(() -> o.attributes().put("size", "large"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(o.attributes()).containsExactly(Map.entry("color", "red"));
    }

    @Test
    void withAttributesValidatesAndReplaces() {
        Observation o = withConfidence(0.5).withAttributes(Map.of("b", "2", "a", "1"));

        assertThat(o.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertRefused(() -> o.withAttributes(attributes(17)), "attributes", "17 entries");
    }

    @Test
    void withImageKeepsOtherFields() {
        Observation plain = withConfidence(0.5);

        Observation withImage = plain.withImage(new BlobId(9));

        assertThat(withImage.image()).contains(new BlobId(9));
        assertThat(withImage.withAttributes(Map.of("k", "v")).image()).contains(new BlobId(9));
        assertThat(new Observation(plain.robot(), plain.time(), plain.sensor(), plain.sensorPose(), plain.label(),
                plain.attributes(), plain.box(), plain.confidence(), plain.embedding(), Optional.of(new BlobId(9))))
                .isEqualTo(withImage);
        assertRefused(() -> plain.withImage(new BlobId(-1)), "blob", "-1", "must not be negative");
    }
}
