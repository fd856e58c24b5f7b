package dev.loci.launch.serve;

import dev.loci.ros.memory.ToolCallHandler;

/**
 * The tool_call service's handler until the planner bridge is wired into {@code loci serve}: every call is
 * answered with an error that says so (the other services answer from memory as usual).
 */
final class NoPlannerToolCalls implements ToolCallHandler {
    @Override
    public ToolReply call(String tool, String argumentsJson) {
        return ToolReply.failure("no planner bridge is wired into loci serve yet; tool '" + tool + "' unavailable");
    }
}
