package dev.loci.launch.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.launch.LociCommand;
import dev.loci.ros.memory.LociServiceTypes;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.service.ServiceClient;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import loci_msgs.msg.dds.RobotProfilesRequest;
import loci_msgs.msg.dds.RobotProfilesResponse;
import loci_msgs.msg.dds.ToolCallRequest;
import loci_msgs.msg.dds.ToolCallResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    static final Path EXAMPLE = Path.of("config/loci_memory.params.yaml");

    @TempDir
    Path dir;

    @Test
    void theExampleParameterFileConfiguresEveryTopicAndTwoRobots() throws Exception {
        MemoryNodeSettings settings = MemoryNodeSettings.from(
                RosParameters.load(EXAMPLE, "", MemoryNodeSettings.NODE_NAME), "");
        assertThat(settings.robots()).containsExactly("robot_1", "robot_2");
        assertThat(settings.topics()).containsOnlyKeys(MemoryNodeSettings.DEFAULT_TOPICS.keySet());
        assertThat(settings.services()).containsOnlyKeys(MemoryNodeSettings.DEFAULT_SERVICES.keySet());
        assertThat(settings.profiles().get("robot_2").skills()).contains("pick");
    }

    @Test
    void serveAnswersOverRos2UnderItsNamespaceUntilItsTimeIsUp() throws Exception {
        String namespace = "/serve_test_" + ThreadLocalRandom.current().nextInt(1_000_000);
        RosDomain domain = RosDomain.fromEnvironment(System.getenv()); // serve joins the same domain
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(new LociCommand())
                .execute("serve", "--params", EXAMPLE.toString(), "--namespace", namespace,
                        "--data", dir.resolve("memory").toString(), "--run-for", "10"));
        try (RosNode planner = new RosNode("planner", namespace, domain)) {
            ServiceClient<RobotProfilesRequest, RobotProfilesResponse> client =
                    new ServiceClient<>(planner, "robot_profiles", LociServiceTypes.ROBOT_PROFILES);
            RobotProfilesResponse reply = client.callUntilAnswered(q -> { }, Duration.ofMillis(300),
                    Duration.ofSeconds(15));
            assertThat(reply.getOk()).isTrue();
            assertThat(reply.getRobots()).extracting(r -> r.getRobotAsString())
                    .containsExactlyInAnyOrder("robot_1", "robot_2");

            ServiceClient<ToolCallRequest, ToolCallResponse> tools =
                    new ServiceClient<>(planner, "tool_call", LociServiceTypes.TOOL_CALL);
            ToolCallResponse status = tools.callUntilAnswered(q -> q.setTool("robot_status"), Duration.ofMillis(300),
                    Duration.ofSeconds(15));
            assertThat(status.getOk()).as(status.getErrorAsString()).isTrue();
            assertThat(status.getResultJsonAsString()).contains("robot_1", "robot_2");
            ToolCallResponse refused = tools.callUntilAnswered(q -> {
                q.setTool("where_is");
                q.setArgumentsJson("{\"label\": 42}");
            }, Duration.ofMillis(300), Duration.ofSeconds(15));
            assertThat(refused.getOk()).isFalse();
            assertThat(refused.getErrorAsString()).contains("label", "42");
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
}
