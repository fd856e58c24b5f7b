package dev.loci.planner.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Locale;

/**
 * One argument of a tool. The same declaration gives the JSON Schema a language model reads and the check each
 * call is put through, so the two cannot drift apart.
 */
public record Param(String name, Type type, boolean required, String description, double min, double max,
                    int maxLength, List<String> choices) {
    public enum Type { TEXT, NUMBER, INTEGER, BOOLEAN, POINT, CHOICE }

    public Param {
        Require.name("param", name);
        Require.present("type", type);
        Require.text("description", description, Require.MAX_TEXT_CHARS);
        choices = List.copyOf(choices);
    }

    public static Param text(String name, int maxLength, boolean required, String description) {
        return new Param(name, Type.TEXT, required, description, 0, 0, maxLength, List.of());
    }

    public static Param number(String name, double min, double max, boolean required, String description) {
        return new Param(name, Type.NUMBER, required, description, min, max, 0, List.of());
    }

    public static Param integer(String name, long min, long max, boolean required, String description) {
        return new Param(name, Type.INTEGER, required, description, min, max, 0, List.of());
    }

    public static Param bool(String name, boolean required, String description) {
        return new Param(name, Type.BOOLEAN, required, description, 0, 0, 0, List.of());
    }

    /** A map-frame point {x, y, z} in metres; z may be left out (0, the floor). */
    public static Param point(String name, boolean required, String description) {
        return new Param(name, Type.POINT, required, description, 0, 0, 0, List.of());
    }

    public static Param choice(String name, List<String> choices, boolean required, String description) {
        return new Param(name, Type.CHOICE, required, description, 0, 0, 0, choices);
    }

    /** This argument's JSON Schema (draft 2020-12). */
    ObjectNode schema() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case TEXT -> node.put("type", "string").put("minLength", 1).put("maxLength", maxLength);
            case NUMBER -> node.put("type", "number").put("minimum", min).put("maximum", max);
            case INTEGER -> node.put("type", "integer").put("minimum", (long) min).put("maximum", (long) max);
            case BOOLEAN -> node.put("type", "boolean");
            case CHOICE -> {
                node.put("type", "string");
                choices.forEach(node.putArray("enum")::add);
            }
            case POINT -> {
                node.put("type", "object");
                ObjectNode properties = node.putObject("properties");
                for (String axis : List.of("x", "y", "z")) {
                    properties.putObject(axis).put("type", "number").put("description", axis + " in metres, map frame");
                }
                node.putArray("required").add("x").add("y");
                node.put("additionalProperties", false);
            }
        }
        node.put("description", description);
        return node;
    }

    /** The argument as a Java value (String, Double, Long, Boolean, Vec3), or a refusal naming it. */
    Object read(JsonNode value) {
        return switch (type) {
            case TEXT -> {
                if (!value.isTextual()) {
                    throw new InvalidValueException(name, value, "must be a string");
                }
                yield Require.text(name, value.asText(), maxLength);
            }
            case NUMBER -> Require.inRange(name, number(name, value), min, max);
            case INTEGER -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw new InvalidValueException(name, value, "must be an integer");
                }
                long n = value.asLong();
                if (n < min || n > max) {
                    throw new InvalidValueException(name, n, "must be in [" + (long) min + ", " + (long) max + "]");
                }
                yield n;
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new InvalidValueException(name, value, "must be true or false");
                }
                yield value.asBoolean();
            }
            case CHOICE -> {
                String text = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : null;
                if (text == null || !choices.contains(text)) {
                    throw new InvalidValueException(name, value, "must be one of " + choices);
                }
                yield text;
            }
            case POINT -> point(value);
        };
    }

    private Vec3 point(JsonNode value) {
        if (!value.isObject()) {
            throw new InvalidValueException(name, value, "must be an object {x, y, z}");
        }
        value.fieldNames().forEachRemaining(field -> {
            if (!List.of("x", "y", "z").contains(field)) {
                throw new InvalidValueException(name + "." + field, value.get(field), "is not a coordinate (x, y, z)");
            }
        });
        for (String axis : List.of("x", "y")) {
            if (!value.has(axis)) {
                throw new InvalidValueException(name + "." + axis, null, "is required");
            }
        }
        return new Vec3(coordinate(value, "x"), coordinate(value, "y"), value.has("z") ? coordinate(value, "z") : 0);
    }

    private double coordinate(JsonNode point, String axis) {
        return Require.inRange(name + "." + axis, number(name + "." + axis, point.get(axis)), -MAX_COORDINATE,
                MAX_COORDINATE);
    }

    private static double number(String field, JsonNode value) {
        if (!value.isNumber()) {
            throw new InvalidValueException(field, value, "must be a number");
        }
        return value.asDouble();
    }

    /** Farthest a point may be from the map origin, as the runtime accepts it. */
    static final double MAX_COORDINATE = dev.loci.spatial.index.PointGrid.MAX_COORDINATE;
}
