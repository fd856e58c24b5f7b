package dev.loci.planner.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loci.episodic.event.EventQuery;
import dev.loci.planner.Worlds;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.RobotLink;
import dev.loci.planner.fleet.SkillCommand;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * The catalog of bad tool calls (rows of docs/bad-inputs.md with surface {@code tool}): each answers a tool
 * error naming the field and the value, is counted in {@link ToolCatalog#rejectedByField()}, and leaves the
 * memory's contents unchanged.
 */
class ToolBadInputCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int tried;

    @TempDir
    Path dir;

    record Row(String id, ToolCatalog.Access access, String tool, String arguments, String field, String valueShown) {
        @Override
        public String toString() {
            return id;
        }
    }

    private record IdleRobotFake(RobotId robot) implements RobotLink {
        @Override
        public void execute(SkillCommand command) {
        }

        @Override
        public void cancel(String taskId) {
        }
    }

    static Stream<Row> catalog() {
        var rw = ToolCatalog.Access.READ_WRITE;
        return Stream.of(
                new Row("malformed-json", rw, "where_is", "{\"label\":", "arguments", "{\"label\":"),
                new Row("json-not-an-object", rw, "where_is", "[1,2]", "arguments", "[1,2]"),
                new Row("oversize-arguments", rw, "where_is", "{\"label\":\"" + "m".repeat(64 * 1024) + "\"}",
                        "arguments", "chars)"),
                new Row("unknown-tool", rw, "fly", "{}", "tool", "fly"),
                new Row("write-on-read-only-catalog", ToolCatalog.Access.READ_ONLY, "assign_task",
                        "{\"kind\":\"find\",\"object_class\":\"mug\"}", "tool", "assign_task"),
                new Row("empty-label", rw, "where_is", "{\"label\":\"\"}", "label", "\"\""),
                new Row("oversize-label", rw, "where_is", "{\"label\":\"" + "x".repeat(65) + "\"}", "label",
                        "x".repeat(40)),
                new Row("infinite-coordinate", rw, "objects_near", "{\"center\":{\"x\":1e999,\"y\":2},\"radius\":1}",
                        "center.x", "Infinity"),
                new Row("negative-radius", rw, "objects_near", "{\"center\":{\"x\":1,\"y\":2},\"radius\":-1}",
                        "radius", "-1"),
                new Row("unknown-robot", rw, "robot_status", "{\"robot\":\"ghost\"}", "robot", "ghost"),
                new Row("wrong-type", rw, "recall", "{\"question\":\"x\",\"k\":1.5}", "k", "1.5"),
                new Row("unknown-field", rw, "where_is", "{\"label\":\"mug\",\"colour\":\"red\"}", "colour", "red"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void answersAToolErrorNamingTheValueCountsItAndChangesNothing(Row row) throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            List<RobotProfile> fleet = Worlds.mixedFleet(new double[] {2, 1}, new double[] {3, 2},
                    new double[] {8, 4});
            Worlds.addRobots(memory, fleet);
            TaskCoordinator coordinator = new TaskCoordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), () -> Timestamp.ofSeconds(50),
                    TaskCoordinator.Settings.DEFAULT);
            fleet.forEach(r -> coordinator.attach(new IdleRobotFake(r.id())));
            ToolCatalog catalog = new ToolCatalog(memory, coordinator, row.access());
            memory.flush();
            String before = digest(memory);

            JsonNode answer = JSON.readTree(catalog.call(row.tool(), row.arguments()));
            tried++;

            assertThat(answer.at("/error/field").asText()).as("%s: %s", row.id(), answer).isEqualTo(row.field());
            assertThat(answer.at("/error/message").asText()).contains(row.field());
            assertThat(answer.at("/error/value").asText() + answer.at("/error/message").asText())
                    .contains(row.valueShown());
            assertThat(catalog.rejectedByField()).containsEntry(row.field(), 1L);
            memory.flush();
            assertThat(digest(memory)).as("memory unchanged").isEqualTo(before);
        }
    }

    @Test
    void everyToolRowOfTheCatalogDocumentHasATestAndEveryTestARow() throws Exception {
        Path doc = Path.of("..", "docs", "bad-inputs.md");
        Pattern row = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*tool\\s*\\|");
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertThat(documented).isEqualTo(catalog().map(Row::id).collect(Collectors.toCollection(TreeSet::new)));
    }

    @AfterAll
    static void printCount() {
        System.out.println("bad inputs tried through the tool catalog: " + tried);
    }

    private static String digest(LociRuntime memory) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        var stats = memory.stats();
        for (Object part : List.of(stats.observations(), stats.objects(), stats.frames(), stats.events(),
                stats.profiles(), stats.blobs(), memory.profiles(),
                memory.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(Long.MAX_VALUE))))) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
