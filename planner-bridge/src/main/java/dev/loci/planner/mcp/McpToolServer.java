package dev.loci.planner.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loci.planner.tool.Tool;
import dev.loci.planner.tool.ToolCatalog;
import dev.loci.planner.tool.ToolResult;
import dev.loci.spatial.validation.Require;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool catalog as an MCP server (Model Context Protocol, JSON-RPC over a byte stream: normally the
 * process's stdin and stdout). Each catalog tool is an MCP tool with the same name, description and input
 * schema; its JSON answer is the call's one text content, and refusals set {@code isError}.
 */
public final class McpToolServer implements AutoCloseable {
    public static final String SERVER_NAME = "loci";
    public static final String SERVER_VERSION = "0.1.0";

    private final McpSyncServer server;

    private McpToolServer(McpSyncServer server) {
        this.server = server;
    }

    /** Serves {@code catalog} on the given streams until they close or {@link #close} is called. */
    public static McpToolServer start(ToolCatalog catalog, InputStream in, OutputStream out) {
        Require.present("catalog", catalog);
        ObjectMapper mapper = new ObjectMapper();
        List<SyncToolSpecification> tools = new ArrayList<>();
        for (Tool tool : catalog.tools()) {
            McpSchema.Tool described = new McpSchema.Tool(tool.name(), tool.description(),
                    tool.inputSchema().toString());
            tools.add(new SyncToolSpecification(described, (exchange, arguments) -> {
                ToolResult result = catalog.call(tool.name(), mapper.valueToTree(arguments));
                return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(result.json())), result.error());
            }));
        }
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, in, out))
                .serverInfo(SERVER_NAME, SERVER_VERSION)
                .instructions("Loci: the memory of a robot fleet. Ask where things are (where_is, objects_near), "
                        + "what happened (recall), what a place holds (describe_place), where to explore "
                        + "(frontiers), what each robot is and does (robot_status); give tasks (assign_task)."
                        + (catalog.access() == ToolCatalog.Access.READ_ONLY ? " This server is read-only." : ""))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools)
                .build();
        return new McpToolServer(server);
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
