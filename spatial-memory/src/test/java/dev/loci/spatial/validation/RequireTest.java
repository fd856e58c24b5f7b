package dev.loci.spatial.validation;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequireTest {

    @Test
    void positiveRefusesZeroAndNegative() {
        assertRefused(() -> Require.positive("speed", 0.0), "speed", "0.0", "must be positive");
        assertRefused(() -> Require.positive("speed", -2.5), "speed", "-2.5", "must be positive");
        assertThat(Require.positive("speed", Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void nonNegativeRefusesNegativeButAcceptsZero() {
        assertRefused(() -> Require.nonNegative("size", -0.001), "size", "-0.001", "must not be negative");
        assertRefused(() -> Require.nonNegative("count", -1L), "count", "-1", "must not be negative");
        assertThat(Require.nonNegative("size", 0.0)).isZero();
        assertThat(Require.nonNegative("count", 0L)).isZero();
    }

    @Test
    void inRangeIsInclusiveAndRefusesNaN() {
        assertThat(Require.inRange("c", 0, 0, 1)).isZero();
        assertThat(Require.inRange("c", 1, 0, 1)).isEqualTo(1);
        assertRefused(() -> Require.inRange("c", 1.0000001, 0, 1), "c", "1.0000001", "must be in [0.0, 1.0]");
        assertRefused(() -> Require.inRange("c", Double.NaN, 0, 1), "c", "NaN", "must be finite");
    }

    @Test
    void nameRefusesNonAsciiLetters() {
        assertRefused(() -> Require.name("robot", "røbot"), "robot", "røbot", "must match");
        assertThatCode(() -> Require.name("robot", "Robot_01")).doesNotThrowAnyException();
    }

    @Test
    void atMostCountsEntries() {
        assertRefused(() -> Require.atMost("objects", List.of(1, 2, 3), 2), "objects", "3 entries",
                "more than 2");
        assertThat(Require.atMost("objects", List.of(1, 2), 2)).containsExactly(1, 2);
    }

    @Test
    void attributesRefuseNullValueNamingTheKey() {
        TreeMap<String, String> attributes = new TreeMap<>();
        attributes.put("color", null);

        assertRefused(() -> Require.attributes("attributes", attributes), "attributes[color]", "null",
                "is required");
    }
}
