package dev.loci.spatial.provenance;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionedTest {
    private static final Provenance BY_A = new Provenance(RobotId.of("a"), "planner", Timestamp.ofNanos(1));
    private static final Provenance BY_B = new Provenance(RobotId.of("b"), "planner", Timestamp.ofNanos(2));

    @Test
    void refusesVersionBelowOne() {
        assertRefused(() -> new Versioned<>("v", 0, BY_A), "version", "0", "must be at least 1");
        assertRefused(() -> new Versioned<>("v", -7, BY_A), "version", "-7", "must be at least 1");
    }

    @Test
    void refusesMissingValueOrProvenance() {
        assertRefused(() -> new Versioned<>(null, 1, BY_A), "value", "null", "is required");
        assertRefused(() -> new Versioned<>("v", 1, null), "provenance", "null", "is required");
    }

    @Test
    void nextIncrementsVersionAndRecordsTheNewWriter() {
        Versioned<String> first = new Versioned<>("old", 1, BY_A);

        Versioned<String> second = first.next("new", BY_B);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.value()).isEqualTo("new");
        assertThat(second.provenance()).isEqualTo(BY_B);
        assertThat(first).isEqualTo(new Versioned<>("old", 1, BY_A));
        assertThat(second.next("newer", BY_A).version()).isEqualTo(3);
    }

    @Test
    void nextRefusesMissingValue() {
        Versioned<String> first = new Versioned<>("old", 1, BY_A);

        assertRefused(() -> first.next(null, BY_B), "value", "null");
        assertRefused(() -> first.next("x", null), "provenance", "null");
    }
}
