package dev.loci.ros.memory;

import dev.loci.runtime.LociRuntime;

/**
 * Test stand-in for the planner bridge: answers tool calls straight from the runtime (one tool,
 * "count_objects_of_class"), so the tool_call service can be tested before the bridge exists.
 */
final class RuntimeAnsweringToolCalls implements ToolCallHandler {
    private final LociRuntime runtime;

    RuntimeAnsweringToolCalls(LociRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public ToolReply call(String tool, String argumentsJson) {
        if (!tool.equals("count_objects_of_class")) {
            return ToolReply.failure("unknown tool '" + tool + "'");
        }
        var m = java.util.regex.Pattern.compile("\"class\"\\s*:\\s*\"([^\"]+)\"").matcher(argumentsJson);
        if (!m.find()) {
            return ToolReply.failure("arguments need {\"class\": \"...\"}");
        }
        return ToolReply.success("{\"count\": " + runtime.objectsOfClass(m.group(1)).size() + "}");
    }
}
