package dev.loci.ros.memory;

/**
 * Answers a language-model planner's tool call (tool name + JSON arguments) with JSON. The planner bridge
 * implements it; the memory node only carries calls over the {@code tool_call} service.
 */
public interface ToolCallHandler {
    ToolReply call(String tool, String argumentsJson);

    /** ok with a JSON result, or not ok with an error saying why. */
    record ToolReply(boolean ok, String error, String resultJson) {
        public static ToolReply success(String resultJson) {
            return new ToolReply(true, "", resultJson);
        }

        public static ToolReply failure(String error) {
            return new ToolReply(false, error, "");
        }
    }
}
