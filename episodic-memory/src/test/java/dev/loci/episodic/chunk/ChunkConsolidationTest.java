package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.embedding.HashingEmbedder;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChunkConsolidationTest {
    private static final RobotId ROBOT = RobotId.of("robot_1");
    private final HashingEmbedder embedder = new HashingEmbedder(128);
    private final TreeMap<Long, EventTrace> traces = new TreeMap<>();
    private final TreeMap<Long, Chunk> chunks = new TreeMap<>();

    private ChunkMemory memory() {
        return new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT, id -> "object " + id);
    }

    /**
     * A robot watching the same kitchen table for 300 events (the segment length cap of 128 cuts it into three
     * episodes that say the same), then a delivery in the hallway with other objects.
     */
    private static List<StoredEvent> watchThenDeliver() {
        List<StoredEvent> events = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 300; i++) {
            events.add(event(id++, i, "saw the kitchen table and the red mug", "kitchen", "watch the kitchen",
                    new Vec3(2 + 0.001 * i, 2, 0), List.of(3L, 7L)));
        }
        for (int i = 0; i < 20; i++) {
            String text = i == 0 ? "started delivering the parcel" : "carrying the parcel past the door";
            events.add(event(id++, 300 + i, text, "hallway", "deliver the parcel", new Vec3(-8, 0.1 * i, 0),
                    List.of(9L, 11L)));
        }
        return events;
    }

    private static StoredEvent event(long id, int second, String text, String room, String task, Vec3 place,
                                     List<Long> objects) {
        return new StoredEvent(id, new Event(ROBOT, Timestamp.ofSeconds(10 + 2.0 * second), EventType.OBSERVATION_BATCH,
                "tasks", text, new TreeMap<>(Map.of("room", room, "task", task)), Optional.of(place), objects));
    }

    private static List<Chunk> episodes(ChunkMemory memory) {
        return memory.sessions(ROBOT).stream().flatMap(s -> memory.members(s).stream()).toList();
    }

    @Test
    void mergesRedundantEpisodesOfASessionKeepingTheirProvenance() {
        ChunkMemory memory = memory();
        watchThenDeliver().forEach(memory::observe);
        memory.flushAll();
        List<Chunk> before = episodes(memory);
        List<Chunk> kitchen = before.stream().filter(e -> e.tasks().equals(List.of("watch the kitchen"))).toList();
        assertThat(kitchen).hasSizeGreaterThanOrEqualTo(3);
        Chunk session = memory.sessions(ROBOT).get(0);

        ChunkConsolidationReport report = memory.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(1e6),
                ChunkConsolidationPolicy.DEFAULT);

        assertThat(report.runsMerged()).isEqualTo(1);
        assertThat(report.episodesMerged()).isEqualTo(kitchen.size() - 1);
        List<Chunk> after = episodes(memory);
        assertThat(after).hasSize(before.size() - kitchen.size() + 1);
        Chunk merged = after.get(0);
        assertThat(merged.id()).isEqualTo(kitchen.get(0).id());
        assertThat(merged.derivedFrom()).containsExactlyElementsOf(kitchen.stream().map(Chunk::id).toList());
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.eventCount()).isEqualTo(300);
        assertThat(merged.firstEventId()).isEqualTo(1);
        assertThat(merged.lastEventId()).isEqualTo(300);
        assertThat(merged.members()).hasSize(300);
        assertThat(merged.start()).isEqualTo(kitchen.get(0).start());
        assertThat(merged.end()).isEqualTo(kitchen.get(kitchen.size() - 1).end());
        assertThat(merged.places()).containsExactly("kitchen");
        assertThat(merged.summary()).contains("Consolidated from " + kitchen.size() + " episodes");
        // The delivery's episodes (other task, room and objects) are untouched.
        assertThat(after.subList(1, after.size())).isEqualTo(before.subList(kitchen.size(), before.size()));
        // The session is rewritten under its id as its next version, with the new members.
        Chunk rewritten = memory.sessions(ROBOT).get(0);
        assertThat(rewritten.id()).isEqualTo(session.id());
        assertThat(rewritten.version()).isEqualTo(2);
        assertThat(rewritten.members()).isEqualTo(after.stream().map(Chunk::id).toList());
        for (Chunk gone : kitchen.subList(1, kitchen.size())) {
            assertThat(memory.chunk(gone.id())).isEmpty();
        }
        // Recall still reaches the merged events, through the rebuilt index, and agrees with the scan.
        RecallQuery query = memory.query(embedder.embed("red mug on the kitchen table"), 5);
        assertThat(memory.recall(query).hitIds()).isEqualTo(memory.scan(query).hitIds());
        assertThat(memory.recall(query).episodes()).contains(merged.id());
    }

    @Test
    void aSecondPassFindsNothingAndReopeningGivesTheConsolidatedIndex() {
        ChunkMemory memory = memory();
        watchThenDeliver().forEach(memory::observe);
        memory.flushAll();
        memory.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(1e6), ChunkConsolidationPolicy.DEFAULT);

        ChunkConsolidationReport again = memory.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(1e6),
                ChunkConsolidationPolicy.DEFAULT);
        assertThat(again.runsMerged()).isZero();

        ChunkMemory reopened = memory();
        assertThat(episodes(reopened)).isEqualTo(episodes(memory));
        RecallQuery query = reopened.query(embedder.embed("carrying the parcel"), 5);
        assertThat(reopened.recall(query).hitIds()).isEqualTo(memory.recall(query).hitIds());
    }

    @Test
    void mergesNothingOutsideTheWindowOrWhenObjectsDiffer() {
        ChunkMemory memory = memory();
        watchThenDeliver().forEach(memory::observe);
        memory.flushAll();
        ChunkConsolidationReport outside = memory.consolidate(Timestamp.ofSeconds(5000), Timestamp.ofSeconds(6000),
                ChunkConsolidationPolicy.DEFAULT);
        assertThat(outside.runsMerged()).isZero();
        ChunkConsolidationPolicy strictGap = new ChunkConsolidationPolicy(2.0, Duration.ZERO, 0.75);
        assertThat(memory.consolidate(Timestamp.ZERO, Timestamp.ofSeconds(1e6), strictGap).runsMerged()).isZero();
        assertThat(chunks.values()).allMatch(c -> c.version() == 1 && c.derivedFrom().isEmpty());
    }
}
