package dev.loci.episodic.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventConsolidationTest {
    private static final RobotId ROBOT = RobotId.of("rover");
    private final EventMaps maps = EventMaps.inMemory();
    private final EventLog log = new EventLog(maps);

    private StoredEvent state(long second, String description) {
        return log.append(Event.of(ROBOT, Timestamp.ofSeconds(second), EventType.ROBOT_STATE, "monitor", description)
                .at(new Vec3(1, 1, 0)));
    }

    @Test
    void mergesARunOfRepeatedEventsKeepingTheirProvenance() {
        StoredEvent first = null;
        for (int s = 0; s < 60; s++) {
            StoredEvent e = state(s, "battery ok");
            first = first == null ? e : first;
        }
        StoredEvent low = state(61, "battery low");
        ConsolidationReport report = log.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(100),
                ConsolidationPolicy.DEFAULT);

        assertThat(report.runsMerged()).isEqualTo(1);
        assertThat(report.eventsMerged()).isEqualTo(59);
        List<StoredEvent> left = log.query(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(100)));
        assertThat(left).extracting(StoredEvent::id).containsExactly(first.id(), low.id());
        Event merged = left.get(0).event();
        assertThat(merged.attributes()).containsEntry("merged", "60")
                .containsEntry("until", Long.toString(Timestamp.ofSeconds(59).nanos()))
                .containsEntry("derived_from", first.id() + "-" + (first.id() + 59));
        assertThat(merged.provenance()).isEqualTo(first.event().provenance());
        assertThat(log.query(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(100)).near(new Vec3(1, 1, 0), 1)))
                .as("the place index lost the merged events too").hasSize(2);
    }

    @Test
    void leavesEventsApartWhenTheyDifferOrAreFarApartInTime() {
        state(0, "battery ok");
        state(1, "battery low");
        state(2, "battery ok");
        state(100, "battery ok");
        ConsolidationReport report = log.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(200),
                new ConsolidationPolicy(0.5, Duration.ofSeconds(30)));
        assertThat(report.runsMerged()).isZero();
        assertThat(log.query(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(200)))).hasSize(4);
    }

    @Test
    void consolidatingTwiceCountsEverythingOnce() {
        for (int s = 0; s < 10; s++) {
            state(s, "battery ok");
        }
        log.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(4), ConsolidationPolicy.DEFAULT);
        log.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(20), ConsolidationPolicy.DEFAULT);
        List<StoredEvent> left = log.query(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(20)));
        assertThat(left).singleElement().satisfies(e -> assertThat(e.event().attributes()).containsEntry("merged", "10"));
    }
}
