package dev.loci.planner.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.spatial.validation.Require;

/** What a tool call returns: a JSON object, which for a refused call is {@code {"error": {...}}}. */
public record ToolResult(boolean error, ObjectNode body) {
    public ToolResult {
        Require.present("body", body);
    }

    public String json() {
        return body.toString();
    }
}
