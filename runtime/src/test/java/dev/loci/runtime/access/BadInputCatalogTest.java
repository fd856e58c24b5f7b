package dev.loci.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.TestObservations;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog of bad inputs through the runtime API (rows of docs/bad-inputs.md with surface {@code api}). Each
 * row: the error names the field and the value, the rejection is counted in {@link LociRuntime#stats()} (or the
 * value cannot even be built, when its constructor refuses it), and memory is unchanged (digest of the store
 * contents before and after).
 */
class BadInputCatalogTest {
    private static final RobotId ROBOT = TestObservations.ROBOT;
    private static final RobotId OTHER = RobotId.of("robot_2");
    private static int tried;

    @TempDir
    Path dir;

    /** One bad input: what it does to a memory that already holds a little, and what the error must say. */
    record Row(String id, String field, String valueShown, boolean counted, BadCall call) {
        @Override
        public String toString() {
            return id;
        }
    }

    @FunctionalInterface
    interface BadCall {
        void run(LociRuntime runtime, RobotWriter writer) throws Exception;
    }

    static Stream<Row> catalog() {
        return Stream.of(
                new Row("nan-position", "x", "NaN", false,
                        (rt, w) -> w.ingest(seenAt(new Vec3(Double.NaN, 0, 0)))),
                new Row("infinite-position", "y", "Infinity", false,
                        (rt, w) -> w.ingest(seenAt(new Vec3(0, Double.POSITIVE_INFINITY, 0)))),
                new Row("unit-less-quaternion", "orientation", "(0.0, 0.0, 0.0, 0.0)", false,
                        (rt, w) -> new Pose(Vec3.ZERO, new Quaternion(0, 0, 0, 0))),
                new Row("pose-outside-world", "sensorPose", "1.0E9", true,
                        (rt, w) -> w.ingest(observation(ROBOT, 6, Pose.of(1e9, 0, 1, 0), "mug"))),
                new Row("unknown-robot", "robot", "ghost", true,
                        (rt, w) -> RobotWriter.bind(rt, RobotId.of("ghost"))),
                new Row("other-robots-identity", "robot", "robot_2", true,
                        (rt, w) -> w.ingest(observation(OTHER, 2, Pose.of(1, 1, 1, 0), "mug"))),
                new Row("other-robots-profile", "robot", "robot_2", true,
                        (rt, w) -> w.updateProfile(profile(OTHER, 2))),
                new Row("time-going-backwards", "time", "1000000000 ns", true,
                        (rt, w) -> w.ingest(observation(ROBOT, 1, Pose.of(1, 1, 1, 0), "mug"))),
                new Row("empty-label", "label", "\"\"", false,
                        (rt, w) -> w.ingest(observation(ROBOT, 6, Pose.of(1, 1, 1, 0), ""))),
                new Row("oversize-label", "label", "x".repeat(65), false,
                        (rt, w) -> w.ingest(observation(ROBOT, 6, Pose.of(1, 1, 1, 0), "x".repeat(65)))),
                new Row("oversize-event-text", "description", "(1025 chars)", false,
                        (rt, w) -> w.record(Event.of(ROBOT, Timestamp.ofSeconds(6), EventType.ACTION, "planner",
                                "d".repeat(1025)))),
                new Row("event-place-outside-world", "event.place", "1.0E9", true,
                        (rt, w) -> w.record(Event.of(ROBOT, Timestamp.ofSeconds(6), EventType.ACTION, "planner",
                                "moved").at(new Vec3(0, 1e9, 0)))),
                new Row("huge-batch", "observations", "10001 observations", true,
                        (rt, w) -> w.ingestAll(java.util.Collections.nCopies(LociRuntime.MAX_BATCH + 1,
                                observation(ROBOT, 6, Pose.of(1, 1, 1, 0), "mug")))),
                new Row("batch-with-one-foreign-observation", "robot", "robot_2", true,
                        (rt, w) -> w.ingestAll(List.of(observation(ROBOT, 6, Pose.of(1, 1, 1, 0), "mug"),
                                observation(OTHER, 2, Pose.of(1, 1, 1, 0), "mug")))),
                new Row("oversize-blob", "blob", (64 << 20) + 1 + " bytes", true,
                        (rt, w) -> rt.putBlob(new byte[(64 << 20) + 1])),
                new Row("negative-battery", "battery", "-0.5", false,
                        (rt, w) -> profile(ROBOT, 2).withBattery(-0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void refusesNamingTheValueCountsItAndChangesNothing(Row row) throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            runtime.updateProfile(profile(ROBOT, 1), "setup").get(10, TimeUnit.SECONDS);
            runtime.updateProfile(profile(OTHER, 1), "setup").get(10, TimeUnit.SECONDS);
            RobotWriter writer = RobotWriter.bind(runtime, ROBOT);
            writer.ingest(observation(ROBOT, 5, Pose.of(1, 1, 1, 0), "mug")).get(10, TimeUnit.SECONDS);
            runtime.flush();
            String before = digest(runtime);
            long rejectedBefore = runtime.stats().rejectedByField().getOrDefault(row.field(), 0L);

            Throwable error = catchThrowable(() -> row.call().run(runtime, writer));
            tried++;

            assertThat(error).as(row.id()).isInstanceOf(InvalidValueException.class);
            InvalidValueException refused = (InvalidValueException) error;
            assertThat(refused.field()).isEqualTo(row.field());
            assertThat(refused.getMessage()).contains(row.field()).contains(row.valueShown());
            long rejectedAfter = runtime.stats().rejectedByField().getOrDefault(row.field(), 0L);
            assertThat(rejectedAfter - rejectedBefore).as("counted in stats").isEqualTo(row.counted() ? 1 : 0);
            runtime.flush();
            assertThat(digest(runtime)).as("memory unchanged").isEqualTo(before);
        }
    }

    @Test
    void everyApiRowOfTheCatalogDocumentHasATestAndEveryTestARow() throws Exception {
        Set<String> documented = documentedRows("api");
        Set<String> tested = catalog().map(Row::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(tested);
    }

    /** Row ids of docs/bad-inputs.md whose surface column is {@code surface}. */
    static Set<String> documentedRows(String surface) throws Exception {
        Path doc = Path.of("..", "docs", "bad-inputs.md");
        Pattern row = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*" + surface + "\\s*\\|");
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    @AfterAll
    static void printCount() {
        System.out.println("bad inputs tried through the runtime API: " + tried);
    }

    /** Everything the memory holds that a bad input could touch, hashed. */
    static String digest(LociRuntime runtime) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        var stats = runtime.stats();
        List<Object> parts = new ArrayList<>(List.of(stats.observations(), stats.objects(), stats.frames(),
                stats.events(), stats.profiles(), stats.blobs()));
        for (long id = 1; id <= stats.observations(); id++) {
            parts.add(runtime.observation(id));
        }
        for (String label : runtime.objectClasses()) {
            parts.add(runtime.objectsOfClass(label));
        }
        parts.add(runtime.profiles());
        parts.add(runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(Long.MAX_VALUE))));
        for (Object part : parts) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static Observation observation(RobotId robot, long seconds, Pose pose, String label) {
        return Observation.of(robot, Timestamp.ofSeconds(seconds), "camera", pose, label,
                Aabb.centered(new Vec3(2, 1, 0.8), new Vec3(0.1, 0.1, 0.1)), 0.9);
    }

    static Observation seenAt(Vec3 where) {
        return observation(ROBOT, 6, new Pose(where, Quaternion.IDENTITY), "mug");
    }

    static RobotProfile profile(RobotId id, long seconds) {
        return new RobotProfile(id, RobotKind.MOBILE_MANIPULATOR, 0.3, 1.0, 1.2, 2.0, new TreeSet<>(Set.of("rgbd")),
                new TreeSet<>(Set.of("navigate", "pick")), 0.9, RobotStatus.IDLE, Pose.of(1, 2, 0, 0.5),
                Timestamp.ofSeconds(seconds));
    }
}
