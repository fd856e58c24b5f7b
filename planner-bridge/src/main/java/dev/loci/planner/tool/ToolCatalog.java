package dev.loci.planner.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools a planner (a language model, or any program) calls on memory and the fleet, each with a JSON
 * Schema and JSON in and out. The same catalog is served over MCP ({@code McpToolServer}) and over the ROS 2
 * JSON tool-call service, through {@link #call(String, String)}.
 *
 * <p>Bad arguments are refused with an error naming the field and the value, counted by field, and change
 * nothing. A read-only catalog refuses the tools that write.
 */
public final class ToolCatalog {
    private static final Logger log = LoggerFactory.getLogger(ToolCatalog.class);
    /** Longest arguments document accepted, in characters. */
    public static final int MAX_ARGUMENT_CHARS = 64 * 1024;

    public enum Access { READ_ONLY, READ_WRITE }

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Access access;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, LongAdder> rejectedByField = new ConcurrentHashMap<>();

    public ToolCatalog(LociRuntime memory, TaskCoordinator tasks, Access access) {
        Require.present("memory", memory);
        Require.present("tasks", tasks);
        this.access = Require.present("access", access);
        for (Tool tool : new MemoryTools(memory, tasks).tools()) {
            tools.put(tool.name(), tool);
        }
        for (Tool tool : new TaskTools(tasks).tools()) {
            tools.put(tool.name(), tool);
        }
    }

    /** The tools on offer in this catalog's access mode (a read-only catalog does not list the writing ones). */
    public List<Tool> tools() {
        List<Tool> offered = new ArrayList<>();
        for (Tool tool : tools.values()) {
            if (access == Access.READ_WRITE || !tool.writes()) {
                offered.add(tool);
            }
        }
        return offered;
    }

    /**
     * The offered tools as JSON text, {@code [{"name", "description", "input_schema"}, ...]}: what a tool-call
     * service hands a language model that does not speak MCP.
     */
    public String describe() {
        var list = mapper.createArrayNode();
        for (Tool tool : tools()) {
            list.addObject().put("name", tool.name()).put("description", tool.description())
                    .set("input_schema", tool.inputSchema());
        }
        return list.toString();
    }

    public Access access() {
        return access;
    }

    /** Calls a tool with its arguments as JSON text; answers JSON text (an {@code error} object if refused). */
    public String call(String toolName, String jsonArguments) {
        return callWithText(toolName, jsonArguments).json();
    }

    /** Calls a tool with its arguments as JSON text; the result says whether the call was refused. */
    public ToolResult callWithText(String toolName, String jsonArguments) {
        JsonNode arguments;
        try {
            if (jsonArguments != null && jsonArguments.length() > MAX_ARGUMENT_CHARS) {
                throw new InvalidValueException("arguments", jsonArguments,
                        "is longer than " + MAX_ARGUMENT_CHARS + " characters");
            }
            arguments = jsonArguments == null || jsonArguments.isBlank() ? mapper.createObjectNode()
                    : mapper.readTree(jsonArguments);
        } catch (JsonProcessingException e) {
            return refused(new InvalidValueException("arguments", jsonArguments,
                    "is not valid JSON (" + e.getOriginalMessage() + ")"));
        } catch (InvalidValueException e) {
            return refused(e);
        }
        return call(toolName, arguments);
    }

    /** Calls a tool with parsed arguments. */
    public ToolResult call(String toolName, JsonNode arguments) {
        try {
            Tool tool = tools.get(toolName);
            if (tool == null) {
                throw new InvalidValueException("tool", toolName, "is not one of " + tools.keySet());
            }
            if (tool.writes() && access == Access.READ_ONLY) {
                throw new InvalidValueException("tool", toolName, "changes the fleet's work and this catalog is read-only");
            }
            ToolArgs args = tool.validate(arguments);
            return new ToolResult(false, tool.handler().apply(args));
        } catch (InvalidValueException e) {
            return refused(e);
        } catch (RuntimeException e) {
            log.error("tool {} failed", toolName, e);
            ObjectNode body = mapper.createObjectNode();
            body.putObject("error").put("message", "internal error in " + toolName + ": " + e);
            return new ToolResult(true, body);
        }
    }

    /** Refused calls so far, by the field that was wrong. */
    public Map<String, Long> rejectedByField() {
        Map<String, Long> counts = new TreeMap<>();
        rejectedByField.forEach((field, count) -> counts.put(field, count.sum()));
        return counts;
    }

    private ToolResult refused(InvalidValueException e) {
        rejectedByField.computeIfAbsent(e.field(), f -> new LongAdder()).increment();
        log.debug("tool call refused: {}", e.getMessage());
        ObjectNode body = mapper.createObjectNode();
        body.putObject("error").put("field", e.field()).put("value", e.value()).put("message", e.getMessage());
        return new ToolResult(true, body);
    }
}
