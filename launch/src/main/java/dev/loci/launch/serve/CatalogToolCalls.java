package dev.loci.launch.serve;

import dev.loci.planner.tool.ToolCatalog;
import dev.loci.planner.tool.ToolResult;
import dev.loci.ros.memory.ToolCallHandler;

/**
 * Carries the memory node's {@code tool_call} service to the planner bridge's tool catalog: a refused call
 * (bad tool, bad argument, read-only catalog) becomes a not-ok reply whose error is the catalog's JSON error
 * object, naming the field and value.
 */
public final class CatalogToolCalls implements ToolCallHandler {
    private final ToolCatalog catalog;

    public CatalogToolCalls(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ToolReply call(String tool, String argumentsJson) {
        ToolResult result = catalog.callWithText(tool, argumentsJson);
        return result.error() ? ToolReply.failure(result.json()) : ToolReply.success(result.json());
    }
}
