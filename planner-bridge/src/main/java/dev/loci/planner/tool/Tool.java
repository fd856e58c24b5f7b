package dev.loci.planner.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tool a planner can call: its name, what it does (for the language model), its parameters, whether it
 * changes anything, and the code that answers it.
 */
public record Tool(String name, String description, List<Param> params, boolean writes,
                   Function<ToolArgs, ObjectNode> handler) {
    public static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

    public Tool {
        Require.name("tool", name);
        Require.text("description", description, Require.MAX_TEXT_CHARS);
        params = List.copyOf(params);
        Require.present("handler", handler);
    }

    /** The input schema: a JSON Schema (draft 2020-12) object with no properties beyond the parameters. */
    public ObjectNode inputSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", SCHEMA_DIALECT);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = schema.putArray("required");
        for (Param param : params) {
            properties.set(param.name(), param.schema());
            if (param.required()) {
                required.add(param.name());
            }
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Checks the arguments against the parameters; the first problem is refused, naming its field and value. */
    ToolArgs validate(JsonNode arguments) {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            arguments = JsonNodeFactory.instance.objectNode();
        }
        if (!arguments.isObject()) {
            throw new InvalidValueException("arguments", arguments, "must be a JSON object");
        }
        Map<String, Param> byName = new HashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!byName.containsKey(field)) {
                throw new InvalidValueException(field, arguments.get(field), "is not a parameter of " + name);
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Param param : params) {
            JsonNode value = arguments.get(param.name());
            if (value == null || value.isNull()) {
                if (param.required()) {
                    throw new InvalidValueException(param.name(), null, "is required");
                }
                continue;
            }
            values.put(param.name(), param.read(value));
        }
        return new ToolArgs(values);
    }
}
