package dev.loci.planner.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the JSON tool calls of {@link ToolCatalog} on a real memory with a fleet. The first input byte picks
 * the tool (or an unknown name), the rest is the argument text. The property: every call answers a JSON
 * object, and a refusal is a tool error naming the field; never an exception, never an internal error.
 */
class ToolCallFuzzTest {
    static final List<String> TOOLS = List.of("where_is", "objects_near", "recall", "describe_place", "frontiers",
            "robot_status", "task_status", "assign_task", "report_outcome", "no_such_tool");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, LongAdder> EXECUTIONS = new TreeMap<>();
    private static Path dir;
    private static LociRuntime memory;
    private static ToolCatalog catalog;

    /** Accepts every command: the fuzz test is about the catalog, not about robots. */
    private record IdleRobotFake(RobotId robot) implements RobotLink {
        @Override
        public void execute(SkillCommand command) {
        }

        @Override
        public void cancel(String taskId) {
        }
    }

    private static synchronized ToolCatalog catalog() throws Exception {
        if (catalog == null) {
            dir = Files.createTempDirectory("tool-fuzz");
            memory = LociRuntime.open(dir, LociConfig.DEFAULT);
            List<RobotProfile> fleet = Worlds.mixedFleet(new double[] {2, 1}, new double[] {3, 2},
                    new double[] {8, 4});
            Worlds.addRobots(memory, fleet);
            TaskCoordinator coordinator = new TaskCoordinator(memory,
                    new EmbodimentAllocator(new TaskPlanner(memory)), () -> Timestamp.ofSeconds(50),
                    TaskCoordinator.Settings.DEFAULT);
            fleet.forEach(r -> coordinator.attach(new IdleRobotFake(r.id())));
            catalog = new ToolCatalog(memory, coordinator, ToolCatalog.Access.READ_WRITE);
        }
        return catalog;
    }

    @FuzzTest(maxDuration = "20s")
    void anyToolCall(byte[] input) throws Exception {
        String tool = input.length == 0 ? "where_is" : TOOLS.get(Byte.toUnsignedInt(input[0]) % TOOLS.size());
        String arguments = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        synchronized (EXECUTIONS) {
            EXECUTIONS.computeIfAbsent(tool, t -> new LongAdder()).increment();
        }

        String answer = catalog().call(tool, arguments);

        JsonNode reply = JSON.readTree(answer);
        assertThat(reply.isObject()).as("answer to %s %s: %s", tool, arguments, answer).isTrue();
        if (reply.has("error")) {
            assertThat(reply.at("/error/field").isTextual()).as("refusal names a field: %s", answer).isTrue();
        }
    }

    @AfterAll
    static void closeMemory() throws Exception {
        System.out.println("tool call fuzz executions: " + EXECUTIONS);
        if (memory != null) {
            memory.close();
        }
    }
}
