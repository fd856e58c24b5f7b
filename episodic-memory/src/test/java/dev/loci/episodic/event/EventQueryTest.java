package dev.loci.episodic.event;

import static dev.loci.episodic.event.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventQueryTest {
    private static final Timestamp T10 = Timestamp.ofNanos(10);
    private static final Timestamp T20 = Timestamp.ofNanos(20);

    @Test
    void refusesToBeforeFromNamingBoth() {
        assertRefused(() -> EventQuery.window(T20, T10), "to", "10", "is before from 20");
    }

    @Test
    void acceptsAnInstantWindow() {
        EventQuery q = EventQuery.window(T10, T10);

        assertThat(q.from()).isEqualTo(q.to());
    }

    @Test
    void windowDefaultsToAllRobotsAllTypesAndTheMaximumLimit() {
        EventQuery q = EventQuery.window(T10, T20);

        assertThat(q.robot()).isEmpty();
        assertThat(q.types()).isEmpty();
        assertThat(q.limit()).isEqualTo(EventQuery.MAX_LIMIT).isEqualTo(100_000);
    }

    @Test
    void refusesLimitOutsideOneToMax() {
        EventQuery q = EventQuery.window(T10, T20);

        assertRefused(() -> q.limit(0), "limit", "0", "must be in [1, 100000]");
        assertRefused(() -> q.limit(-5), "limit", "-5", "must be in [1, 100000]");
        assertRefused(() -> q.limit(100_001), "limit", "100001", "must be in [1, 100000]");
        assertThat(q.limit(1).limit()).isEqualTo(1);
        assertThat(q.limit(100_000).limit()).isEqualTo(100_000);
    }

    @Test
    void refusesMissingParts() {
        assertRefused(() -> EventQuery.window(null, T20), "from", "null", "is required");
        assertRefused(() -> EventQuery.window(T10, null), "to", "null", "is required");
        assertRefused(() -> new EventQuery(T10, T20, null, Set.of(), Optional.empty(), Optional.empty(), 10), "robot", "null", "is required");
        assertRefused(() -> new EventQuery(T10, T20, Optional.empty(), null, Optional.empty(), Optional.empty(), 10), "types", "null", "is required");
    }

    @Test
    void buildersKeepTheOtherFields() {
        RobotId robot = RobotId.of("tb3");

        EventQuery q = EventQuery.window(T10, T20).ofRobot(robot).ofTypes(Set.of(EventType.ACTION)).limit(7);

        assertThat(q.from()).isEqualTo(T10);
        assertThat(q.to()).isEqualTo(T20);
        assertThat(q.robot()).contains(robot);
        assertThat(q.types()).containsExactly(EventType.ACTION);
        assertThat(q.limit()).isEqualTo(7);
    }

    @Test
    void copiesTypesAndMakesThemUnmodifiable() {
        Set<EventType> types = new HashSet<>(Set.of(EventType.ACTION));
        EventQuery q = EventQuery.window(T10, T20).ofTypes(types);

        types.add(EventType.CUSTOM);

        assertThat(q.types()).containsExactly(EventType.ACTION);
        assertThatThrownBy(() -> q.types().add(EventType.CUSTOM)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsEventsOfTheRobotAndTypes() {
        Event action = Event.of(RobotId.of("a"), T10, EventType.ACTION, "s", "x");
        Event custom = Event.of(RobotId.of("a"), T10, EventType.CUSTOM, "s", "x");
        Event otherRobot = Event.of(RobotId.of("b"), T10, EventType.ACTION, "s", "x");
        EventQuery q = EventQuery.window(T10, T20).ofRobot(RobotId.of("a"))
                .ofTypes(EnumSet.of(EventType.ACTION, EventType.TASK_FAILED));

        assertThat(q.accepts(action)).isTrue();
        assertThat(q.accepts(custom)).isFalse();
        assertThat(q.accepts(otherRobot)).isFalse();
        assertThat(EventQuery.window(T10, T20).accepts(custom)).isTrue();
    }
}
