package dev.loci.planner.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private LociRuntime memory;
    private TaskCoordinator coordinator;
    private ToolCatalog catalog;
    private final List<SkillCommand> sentToArm = new ArrayList<>();

    /** Records what the planner sends a robot; the robot's answers come through report_outcome. */
    private final class RecordingRobotFake implements RobotLink {
        private final RobotId id;

        RecordingRobotFake(RobotId id) {
            this.id = id;
        }

        @Override
        public RobotId robot() {
            return id;
        }

        @Override
        public void execute(SkillCommand command) {
            if (id.equals(Worlds.ARM)) {
                sentToArm.add(command);
            }
        }

        @Override
        public void cancel(String taskId) {
        }
    }

    @BeforeEach
    void open() throws Exception {
        memory = LociRuntime.open(dir, LociConfig.DEFAULT);
        List<RobotProfile> fleet = Worlds.mixedFleet(new double[] {2, 1}, new double[] {3, 2}, new double[] {8, 4});
        Worlds.addRobots(memory, fleet);
        coordinator = new TaskCoordinator(memory, new EmbodimentAllocator(new TaskPlanner(memory)),
                () -> Timestamp.ofSeconds(50), TaskCoordinator.Settings.DEFAULT);
        fleet.forEach(r -> coordinator.attach(new RecordingRobotFake(r.id())));
        catalog = new ToolCatalog(memory, coordinator, ToolCatalog.Access.READ_WRITE);
    }

    @AfterEach
    void close() throws Exception {
        memory.close();
    }

    private JsonNode call(String tool, String arguments) throws Exception {
        return JSON.readTree(catalog.call(tool, arguments));
    }

    @Test
    void everyToolOffersADraft202012ObjectSchemaOfItsParameters() throws Exception {
        assertThat(catalog.tools()).extracting(Tool::name).containsExactly("where_is", "objects_near", "recall",
                "describe_place", "frontiers", "robot_status", "assign_task", "task_status", "report_outcome");
        for (Tool tool : catalog.tools()) {
            JsonNode schema = tool.inputSchema();
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.get("type").asText()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
            assertThat(schema.get("properties").size()).isEqualTo(tool.params().size());
        }
        JsonNode described = JSON.readTree(catalog.describe());
        assertThat(described.size()).isEqualTo(9);
        assertThat(described.at("/1/input_schema").toString()).isEqualTo(catalog.tools().get(1).inputSchema().toString());
        JsonNode assign = catalog.tools().get(6).inputSchema();
        assertThat(assign.at("/properties/kind/enum").toString()).isEqualTo("[\"find\",\"fetch\",\"deliver\",\"explore\"]");
        assertThat(assign.at("/required").toString()).isEqualTo("[\"kind\"]");
        assertThat(assign.at("/properties/destination/required").toString()).isEqualTo("[\"x\",\"y\"]");
    }

    @Test
    void memoryToolsAnswerFromMemory() throws Exception {
        Worlds.mapTwoRooms(memory);
        long mug = Worlds.see(memory, "mug", 2, 3, 0.8);
        Worlds.see(memory, "mug", 8, 1, 0.8);
        Worlds.see(memory, "plant", 2.5, 3.5, 0.4);
        memory.record(Event.of(Worlds.ARM, Timestamp.ofSeconds(2), EventType.ACTION, "test",
                "arm knocked the red mug off the kitchen table")).get();

        JsonNode whereIs = call("where_is", "{\"label\":\"mug\",\"near\":{\"x\":1,\"y\":3}}");
        assertThat(whereIs.at("/objects/0/id").asLong()).isEqualTo(mug);
        assertThat(whereIs.at("/objects/0/position/x").asDouble()).isEqualTo(2.0);
        assertThat(whereIs.at("/objects").size()).isEqualTo(2);

        JsonNode near = call("objects_near", "{\"center\":{\"x\":2,\"y\":3,\"z\":0.5},\"radius\":1.0}");
        assertThat(near.at("/objects").findValuesAsText("label")).containsExactly("mug", "plant");
        assertThat(call("objects_near", "{\"center\":{\"x\":2,\"y\":3},\"radius\":1,\"label\":\"plant\"}")
                .at("/objects").size()).isEqualTo(1);

        JsonNode recalled = call("recall", "{\"question\":\"what happened to the red mug\"}");
        assertThat(recalled.at("/events").findValuesAsText("description"))
                .contains("arm knocked the red mug off the kitchen table");

        JsonNode place = call("describe_place", "{\"at\":{\"x\":2,\"y\":3}}");
        assertThat(place.at("/place/bounds/max/x").asDouble()).isLessThan(5.5);
        assertThat(place.at("/objects").findValuesAsText("label")).containsExactlyInAnyOrder("mug", "plant");
        assertThat(place.at("/neighbours").size()).as("the room beyond the door").isEqualTo(1);

        assertThat(call("frontiers", "{}").at("/frontiers").size()).as("fully mapped").isZero();

        JsonNode robots = call("robot_status", "{}");
        assertThat(robots.at("/robots").findValuesAsText("id")).containsExactly("arm", "scout", "tall");
        assertThat(call("robot_status", "{\"robot\":\"tall\"}").at("/robots/0/reach_height_m").asDouble())
                .isEqualTo(2.0);
    }

    @Test
    void aPlannerAssignsATaskAndTheRobotReportsItsStepsThroughTools() throws Exception {
        long mug = Worlds.see(memory, "mug", 3, 2.5, 0.8);

        JsonNode task = call("assign_task", "{\"kind\":\"fetch\",\"object_class\":\"mug\",\"destination\":{\"x\":1,\"y\":1}}");

        assertThat(task.at("/state").asText()).isEqualTo("running");
        assertThat(task.at("/robot").asText()).isEqualTo("arm");
        assertThat(task.at("/plan/object_id").asLong()).isEqualTo(mug);
        assertThat(task.at("/plan/steps").findValuesAsText("skill")).containsExactly("navigate_to", "pick",
                "navigate_to", "place");
        assertThat(sentToArm).hasSize(1);
        String taskId = task.at("/task_id").asText();
        String report = "{\"robot\":\"arm\",\"task_id\":\"" + taskId + "\",\"step\":0,\"succeeded\":true}";
        assertThat(call("report_outcome", report).at("/accepted").asBoolean()).isTrue();
        assertThat(sentToArm).hasSize(2);
        JsonNode again = call("report_outcome", report);
        assertThat(again.at("/accepted").asBoolean()).as("a repeated report").isFalse();
        assertThat(again.at("/note").asText()).contains("step 1");
        coordinator.progress(Worlds.ARM, taskId, 1, 0.25);
        JsonNode arm = call("robot_status", "{\"robot\":\"arm\"}").at("/robots/0");
        assertThat(arm.at("/task/step").asInt()).isEqualTo(1);
        assertThat(arm.at("/task/step_progress").asDouble()).isEqualTo(0.25);
        assertThat(arm.at("/last_heard_s").asDouble()).isEqualTo(50.0);
        JsonNode status = call("task_status", "{\"task_id\":\"" + taskId + "\"}").at("/tasks/0");
        assertThat(status.at("/state").asText()).isEqualTo("running");
        assertThat(status.at("/step").asInt()).isEqualTo(1);
        assertThat(call("task_status", "{}").at("/tasks").size()).isEqualTo(1);
        assertError(call("task_status", "{\"task_id\":\"task_77\"}"), "task_id", "task_77");
    }

    @Test
    void badArgumentsAreRefusedNamingTheFieldAndValueAndCountedAndChangeNothing() throws Exception {
        memory.flush();
        long events = memory.stats().events();

        assertError(call("objects_near", "{\"center\":{\"x\":1,\"y\":2},\"radius\":-1}"), "radius", "-1.0");
        assertError(call("objects_near", "{\"center\":{\"x\":1,\"y\":\"two\"},\"radius\":1}"), "center.y", "\"two\"");
        assertError(call("objects_near", "{\"radius\":1}"), "center", "null");
        assertError(call("where_is", "{\"label\":\"mug\",\"colour\":\"red\"}"), "colour", "\"red\"");
        assertError(call("where_is", "{}"), "label", "null");
        assertError(call("recall", "{\"question\":\"x\",\"k\":1.5}"), "k", "1.5");
        assertError(call("assign_task", "{\"kind\":\"juggle\"}"), "kind", "\"juggle\"");
        assertError(call("assign_task", "{\"kind\":\"fetch\",\"object_class\":\"mug\"}"), "destination", "absent");
        assertError(call("report_outcome", "{\"robot\":\"arm\",\"task_id\":\"task_9\",\"step\":0,\"succeeded\":true}"),
                "task_id", "task_9");
        assertError(call("robot_status", "{\"robot\":\"bad name!\"}"), "robot", "bad name!");
        assertError(call("fly", "{}"), "tool", "fly");
        assertError(call("where_is", "{\"label\":"), "arguments", "{\"label\":");
        assertError(call("where_is", "[1,2]"), "arguments", "[1,2]");

        assertThat(catalog.rejectedByField()).containsEntry("radius", 1L).containsEntry("arguments", 2L)
                .containsEntry("label", 1L).containsEntry("tool", 1L);
        memory.flush();
        assertThat(memory.stats().events()).as("nothing was written").isEqualTo(events);
        assertThat(coordinator.tasks()).isEmpty();
    }

    @Test
    void aReadOnlyCatalogOffersAndRunsOnlyTheReadingTools() throws Exception {
        ToolCatalog readOnly = new ToolCatalog(memory, coordinator, ToolCatalog.Access.READ_ONLY);
        Worlds.see(memory, "mug", 3, 2.5, 0.8);

        assertThat(readOnly.tools()).extracting(Tool::name).doesNotContain("assign_task", "report_outcome")
                .hasSize(7).contains("task_status");
        JsonNode refused = JSON.readTree(readOnly.call("assign_task", "{\"kind\":\"find\",\"object_class\":\"mug\"}"));
        assertThat(refused.at("/error/field").asText()).isEqualTo("tool");
        assertThat(refused.at("/error/message").asText()).contains("read-only");
        assertThat(coordinator.tasks()).isEmpty();
        assertThat(JSON.readTree(readOnly.call("where_is", "{\"label\":\"mug\"}")).at("/objects").size()).isEqualTo(1);
    }

    private static void assertError(JsonNode answer, String field, String value) {
        assertThat(answer.at("/error/field").asText()).as(answer.toString()).isEqualTo(field);
        assertThat(answer.at("/error/value").asText()).as(answer.toString()).isEqualTo(value);
        assertThat(answer.at("/error/message").asText()).contains(field);
    }
}
