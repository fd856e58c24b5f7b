package dev.loci.planner.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loci.planner.Worlds;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.tool.ToolCatalog;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.provenance.Timestamp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the MCP server with real JSON-RPC lines over pipes, as an MCP client on the other end of stdio would. */
class McpToolServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The client's ends of the two pipes. */
    private static final class Client implements AutoCloseable {
        private final McpToolServer server;
        private final OutputStream toServer;
        private final BlockingQueue<String> fromServer = new LinkedBlockingQueue<>();
        private final Thread reader;

        Client(McpToolServer server, OutputStream toServer, java.io.InputStream fromServerStream) {
            this.server = server;
            this.toServer = toServer;
            this.reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(fromServerStream,
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        fromServer.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the pipe closed: the test is over
                }
            }, "mcp-test-client");
            reader.setDaemon(true);
            reader.start();
        }

        void send(String json) throws Exception {
            toServer.write((json + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }

        /** The next message from the server; the wait only guards against a hang, it asserts nothing on time. */
        JsonNode receive() throws Exception {
            String line = fromServer.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("an answer from the server").isNotNull();
            return JSON.readTree(line);
        }

        JsonNode request(int id, String method, String params) throws Exception {
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            JsonNode answer = receive();
            assertThat(answer.get("id").asInt()).isEqualTo(id);
            return answer;
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
            toServer.close();
        }
    }

    private static Client serve(ToolCatalog catalog) throws Exception {
        Pipe clientToServer = Pipe.open();
        Pipe serverToClient = Pipe.open();
        McpToolServer server = McpToolServer.start(catalog, Channels.newInputStream(clientToServer.source()),
                Channels.newOutputStream(serverToClient.sink()));
        return new Client(server, Channels.newOutputStream(clientToServer.sink()),
                Channels.newInputStream(serverToClient.source()));
    }

    private static void initialize(Client client) throws Exception {
        JsonNode init = client.request(1, "initialize", "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"test-client\",\"version\":\"1.0\"}}");
        assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("loci");
        assertThat(init.at("/result/capabilities/tools").isObject()).isTrue();
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @Test
    void anMcpClientListsTheToolsAndCallsThemOverJsonRpc() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            long mug = Worlds.see(memory, "mug", 2, 3, 0.8);
            TaskCoordinator coordinator = new TaskCoordinator(memory, new EmbodimentAllocator(new TaskPlanner(memory)),
                    () -> Timestamp.ofSeconds(10), TaskCoordinator.Settings.DEFAULT);
            ToolCatalog catalog = new ToolCatalog(memory, coordinator, ToolCatalog.Access.READ_WRITE);
            try (Client client = serve(catalog)) {
                initialize(client);

                JsonNode list = client.request(2, "tools/list", "{}");
                assertThat(list.at("/result/tools").findValuesAsText("name")).containsExactly("where_is",
                        "objects_near", "recall", "describe_place", "frontiers", "robot_status", "assign_task",
                        "task_status", "report_outcome");
                JsonNode near = list.at("/result/tools/1/inputSchema");
                assertThat(near.at("/type").asText()).isEqualTo("object");
                assertThat(near.at("/required").toString()).isEqualTo("[\"center\",\"radius\"]");
                assertThat(near.at("/properties/radius/maximum").asDouble()).isEqualTo(100.0);

                JsonNode found = client.request(3, "tools/call",
                        "{\"name\":\"where_is\",\"arguments\":{\"label\":\"mug\"}}");
                assertThat(found.at("/result/isError").asBoolean()).isFalse();
                JsonNode answer = JSON.readTree(found.at("/result/content/0/text").asText());
                assertThat(answer.at("/objects/0/id").asLong()).isEqualTo(mug);

                JsonNode refused = client.request(4, "tools/call",
                        "{\"name\":\"objects_near\",\"arguments\":{\"center\":{\"x\":1,\"y\":1},\"radius\":1e9}}");
                assertThat(refused.at("/result/isError").asBoolean()).isTrue();
                assertThat(JSON.readTree(refused.at("/result/content/0/text").asText()).at("/error/field").asText())
                        .isEqualTo("radius");

                JsonNode task = client.request(5, "tools/call",
                        "{\"name\":\"assign_task\",\"arguments\":{\"kind\":\"find\",\"object_class\":\"mug\"}}");
                assertThat(JSON.readTree(task.at("/result/content/0/text").asText()).at("/state").asText())
                        .as("no robot is connected: it waits").isEqualTo("pending");
                assertThat(coordinator.tasks()).hasSize(1);
            }
        }
    }

    @Test
    void aReadOnlyServerDoesNotOfferTheWritingTools() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            TaskCoordinator coordinator = new TaskCoordinator(memory, new EmbodimentAllocator(new TaskPlanner(memory)),
                    () -> Timestamp.ofSeconds(10), TaskCoordinator.Settings.DEFAULT);
            try (Client client = serve(new ToolCatalog(memory, coordinator, ToolCatalog.Access.READ_ONLY))) {
                initialize(client);
                JsonNode list = client.request(2, "tools/list", "{}");
                assertThat(list.at("/result/tools").findValuesAsText("name")).hasSize(7)
                        .doesNotContain("assign_task", "report_outcome");
                JsonNode call = client.request(3, "tools/call",
                        "{\"name\":\"assign_task\",\"arguments\":{\"kind\":\"explore\"}}");
                assertThat(call.has("error") || call.at("/result/isError").asBoolean()).isTrue();
                assertThat(coordinator.tasks()).isEmpty();
            }
        }
    }
}
