package dev.loci.runtime.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import dev.loci.runtime.testing.TwoRooms;
import dev.loci.runtime.semantic.index.Hit;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.VectorFilter;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic memory on a real runtime (MapDB store) with the real model. */
class SemanticMemoryTest {
    static final RobotId ROVER = RobotId.of("rover");
    static final RobotId ARM = RobotId.of("arm");
    static final double HOUR = 3600;
    @TempDir
    static Path models;
    static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(models, 1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static Observation seen(RobotId robot, double seconds, String label, Vec3 where) {
        return Observation.of(robot, Timestamp.ofSeconds(seconds), "camera", Pose.of(where.x() - 1, where.y(), 1, 0),
                label, Aabb.centered(where, new Vec3(0.1, 0.1, 0.1)), 0.9);
    }

    /** A morning in an apartment: a kitchen table with things on it, drinks in two rooms, an afternoon change. */
    static void morning(LociRuntime memory) {
        Vec3 table = new Vec3(2, 2, 0.75);
        memory.ingestAll(List.of(
                seen(ROVER, 8 * HOUR, "kitchen table", table),
                seen(ROVER, 8 * HOUR + 10, "mug", new Vec3(2.2, 2.1, 0.8)).withAttributes(Map.of("color", "red")),
                seen(ROVER, 8 * HOUR + 20, "apple", new Vec3(1.8, 2.2, 0.8)),
                seen(ARM, 9 * HOUR, "sofa", new Vec3(8, 5, 0.4)),
                seen(ARM, 9 * HOUR + 30, "water bottle", new Vec3(8.5, 5.5, 0.5)),
                seen(ROVER, 10 * HOUR, "office chair", new Vec3(12, 1, 0.5)),
                seen(ROVER, 14 * HOUR, "book", new Vec3(2.1, 1.9, 0.8)))).join();
        memory.record(Event.of(ARM, Timestamp.ofSeconds(9 * HOUR + 40), EventType.TASK_FAILED, "task_manager",
                "could not grasp the water bottle on the sofa")).join();
        memory.record(Event.of(ROVER, Timestamp.ofSeconds(10 * HOUR + 5), EventType.ACTION, "task_manager",
                "drove to the office")).join();
    }

    @Test
    void whereDidILastSeeSomethingToDrinkFindsTheBottleWithPositionAndTime(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            morning(memory);
            SemanticMemory semantic = memory.semantic(embedder);
            semantic.awaitIndexed();

            SeenObject answer = semantic.whereLastSeen("something to drink", VectorFilter.ANY).orElseThrow();

            assertThat(answer.sighting().label()).isEqualTo("water bottle");
            assertThat(answer.sighting().where()).isEqualTo(new Vec3(8.5, 5.5, 0.5));
            assertThat(answer.sighting().seenBy().time()).isEqualTo(Timestamp.ofSeconds(9 * HOUR + 30));
            assertThat(answer.sighting().seenBy().robot()).isEqualTo(ARM);
        }
    }

    @Test
    void whatWasOnTheKitchenTableThisMorningCombinesTextSpaceAndTime(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            morning(memory);
            SemanticMemory semantic = memory.semantic(embedder);
            semantic.awaitIndexed();

            List<SeenThere> seen = semantic.seenNear("the kitchen table", Timestamp.ofSeconds(6 * HOUR),
                    Timestamp.ofSeconds(12 * HOUR), 0.6);

            assertThat(seen).extracting(SeenThere::label).containsExactlyInAnyOrder("mug", "apple");
            List<SeenThere> afternoon = semantic.seenNear("the kitchen table", Timestamp.ofSeconds(12 * HOUR),
                    Timestamp.ofSeconds(18 * HOUR), 0.6);
            assertThat(afternoon).extracting(SeenThere::label).containsExactly("book");
        }
    }

    @Test
    void everyKindOfTextIsIndexedAndFiltersByRobotTimeAndKind(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            morning(memory);
            SemanticMemory semantic = memory.semantic(embedder);
            memory.closeEpisodes(ARM).join();
            semantic.awaitIndexed();

            List<Hit> failures = semantic.search("failed to pick up a bottle", VectorFilter.ANY.ofKinds(
                    Set.of(ItemKind.EVENT)), 1);
            assertThat(failures.get(0).item().text()).isEqualTo("could not grasp the water bottle on the sofa");
            assertThat(semantic.search("episode", VectorFilter.ANY.ofKinds(Set.of(ItemKind.CHUNK)), 5))
                    .isNotEmpty().allSatisfy(h -> assertThat(h.item().robot()).isEqualTo(ARM));

            List<Hit> rovers = semantic.search("furniture", VectorFilter.ANY.ofRobots(Set.of(ROVER)), 20);
            assertThat(rovers).isNotEmpty().allSatisfy(h -> assertThat(h.item().robot()).isEqualTo(ROVER));
            List<Hit> early = semantic.search("furniture", VectorFilter.ANY.between(Timestamp.ZERO,
                    Timestamp.ofSeconds(9 * HOUR)), 20);
            assertThat(early).isNotEmpty().allSatisfy(h -> assertThat(h.item().time().nanos())
                    .isLessThanOrEqualTo(Timestamp.ofSeconds(9 * HOUR).nanos()));
        }
    }

    @Test
    void objectsIngestedLaterAreEmbeddedInTheBackgroundAndMoveWhenSeenAgain(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            SemanticMemory semantic = memory.semantic(embedder);
            memory.ingest(seen(ROVER, 100, "umbrella", new Vec3(1, 1, 0.5))).join();
            semantic.awaitIndexed();
            memory.ingest(seen(ARM, 200, "umbrella", new Vec3(1.1, 1, 0.5))).join();

            Hit hit = semantic.search("something for the rain", VectorFilter.ANY, 1).get(0);

            assertThat(hit.item().text()).isEqualTo("umbrella");
            assertThat(hit.item().robot()).isEqualTo(ARM);
            assertThat(hit.item().time()).isEqualTo(Timestamp.ofSeconds(200));
            assertThat(semantic.stats().embedded()).isEqualTo(1); // seen again: moved, not re-embedded
        }
    }

    @Test
    void vectorsPersistAndAreNotRecomputedAfterReopen(@TempDir Path dir) throws Exception {
        List<Hit> before;
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            morning(memory);
            SemanticMemory semantic = memory.semantic(embedder);
            semantic.awaitIndexed();
            before = semantic.search("a piece of fruit", VectorFilter.ANY, 3);
            assertThat(semantic.stats().embedded()).isEqualTo(9); // 7 objects, 2 events
        }
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            SemanticMemory semantic = memory.semantic(embedder);
            semantic.awaitIndexed();

            assertThat(semantic.stats().embedded()).isZero();
            assertThat(semantic.stats().indexed()).isEqualTo(9);
            assertThat(semantic.search("a piece of fruit", VectorFilter.ANY, 3)).isEqualTo(before);
            assertThat(before.get(0).item().text()).isEqualTo("apple");
        }
    }

    @Test
    void textsIngestedBeforeStartAreBackfilled(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            morning(memory);
            assertThat(memory.semantic(embedder)).isSameAs(memory.semantic(embedder));
            memory.semantic(embedder).awaitIndexed();

            assertThat(memory.semantic(embedder).stats().indexed()).isEqualTo(9);
            assertThat(memory.semantic(embedder).search("red mug", VectorFilter.ANY, 1).get(0).item().text())
                    .isEqualTo("red mug");
            assertThat(Optional.of(memory.semantic(embedder).stats().dropped())).contains(0L);
        }
    }
    @Test
    void refusedQuestionsAreCountedAndNameTheBadValue(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            SemanticMemory semantic = memory.semantic(embedder);
            long before = memory.stats().rejectedByField().values().stream().mapToLong(Long::longValue).sum();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> semantic.search("mug", VectorFilter.ANY, 0))
                    .isInstanceOf(dev.loci.spatial.validation.InvalidValueException.class).hasMessageContaining("k")
                    .hasMessageContaining("0");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> semantic.search(" ", VectorFilter.ANY, 5))
                    .isInstanceOf(dev.loci.spatial.validation.InvalidValueException.class)
                    .hasMessageContaining("text");

            assertThat(memory.stats().rejectedByField().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(before + 2);
        }
    }

    @Test
    void placesFoundByScansAfterStartAreEmbedded(@TempDir Path dir) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            SemanticMemory semantic = memory.semantic(embedder);
            semantic.awaitIndexed();
            assertThat(semantic.index().size()).isZero();

            for (int i = 0; i < 40; i++) {
                memory.ingestScan(TwoRooms.scan(i + 1, 1 + (i % 9), 1 + (i % 4), i)).join();
            }
            semantic.awaitIndexed();

            List<Hit> places = semantic.search("place 1", VectorFilter.ANY.ofKinds(Set.of(ItemKind.PLACE)), 5);
            assertThat(places).isNotEmpty();
            assertThat(places.get(0).item().text()).startsWith("place ");
            assertThat(places.get(0).item().position()).isPresent();
            assertThat(places.size()).isEqualTo(memory.places().size());
        }
    }
}
