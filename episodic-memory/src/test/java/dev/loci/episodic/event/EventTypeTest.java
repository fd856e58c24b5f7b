package dev.loci.episodic.event;

import static dev.loci.episodic.event.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {
    private static final String ALL = "[OBSERVATION_BATCH, ACTION, TASK_STARTED, TASK_FINISHED, TASK_FAILED, "
            + "ROBOT_STATE, CUSTOM]";

    @Test
    void keepsTheStoredCodes() {
        assertThat(EventType.OBSERVATION_BATCH.code()).isEqualTo(1);
        assertThat(EventType.ACTION.code()).isEqualTo(2);
        assertThat(EventType.TASK_STARTED.code()).isEqualTo(3);
        assertThat(EventType.TASK_FINISHED.code()).isEqualTo(4);
        assertThat(EventType.TASK_FAILED.code()).isEqualTo(5);
        assertThat(EventType.ROBOT_STATE.code()).isEqualTo(6);
        assertThat(EventType.CUSTOM.code()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ofCodeRoundTripsEveryType(EventType type) {
        assertThat(EventType.ofCode(type.code())).isSameAs(type);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, -1, 255, Integer.MIN_VALUE})
    void ofCodeRefusesUnknownCodeNamingIt(int code) {
        assertRefused(() -> EventType.ofCode(code), "event type code", String.valueOf(code), "is not one of " + ALL);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void parseAcceptsEveryNameInAnyCase(EventType type) {
        assertThat(EventType.parse(type.name())).isSameAs(type);
        assertThat(EventType.parse(type.name().toLowerCase())).isSameAs(type);
        assertThat(EventType.parse("  " + type.name().toLowerCase() + "\t")).isSameAs(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "task-started", "TASKSTARTED", "1", "action!", ""})
    void parseRefusesUnknownNameNamingIt(String name) {
        assertRefused(() -> EventType.parse(name), "event type", name, "is not one of " + ALL);
    }

    @Test
    void parseRefusesMissingName() {
        assertRefused(() -> EventType.parse(null), "event type", "null", "is not one of");
    }
}
