package dev.loci.ros.params;

import dev.loci.spatial.validation.InvalidValueException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parameters of one node from a ROS 2 parameter file ({@code node_name: ros__parameters: ...}, also
 * {@code /ns/node_name:} and {@code /**:}), nested maps flattened to dotted names as ROS 2 does.
 * Typed getters name the parameter and the file in their errors.
 */
public final class RosParameters {
    private final Map<String, Object> values;
    private final String origin;

    public RosParameters(Map<String, Object> values, String origin) {
        this.values = new TreeMap<>(values);
        this.origin = origin;
    }

    public static RosParameters empty() {
        return new RosParameters(Map.of(), "defaults");
    }

    /** Reads the parameters for {@code nodeName} (in {@code namespace}) from a ROS 2 YAML parameter file. */
    public static RosParameters load(Path file, String namespace, String nodeName) throws IOException {
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new InvalidValueException("params", file.toString(), "is not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> nodes)) {
            throw new InvalidValueException("params", file.toString(), "must map node names to ros__parameters");
        }
        String ns = namespace == null || namespace.isEmpty() || namespace.equals("/") ? "" : namespace;
        List<String> keys = List.of("/**", nodeName, "/" + nodeName, ns + "/" + nodeName);
        Map<String, Object> flat = new TreeMap<>();
        boolean found = false;
        for (String key : keys) { // later, more specific entries win
            Object entry = nodes.get(key);
            if (entry instanceof Map<?, ?> m && m.get("ros__parameters") instanceof Map<?, ?> params) {
                flatten("", params, flat);
                found = true;
            }
        }
        if (!found) {
            throw new InvalidValueException("params", file.toString(),
                    "has no '" + nodeName + ": ros__parameters:' section");
        }
        return new RosParameters(flat, file.toString());
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        map.forEach((k, v) -> {
            String name = prefix + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, out);
            } else {
                out.put(name, v);
            }
        });
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw wrong(name, v, "a string");
        }
        return String.valueOf(v);
    }

    public double number(String name, double fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw wrong(name, v, "a finite number");
    }

    /** A ROS 2 bool parameter: YAML {@code true}/{@code false} only (a quoted "true" is a string, as in ROS 2). */
    public boolean flag(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrong(name, v, "true or false");
    }

    public int integer(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer || v instanceof Long) {
            return Math.toIntExact(((Number) v).longValue());
        }
        throw wrong(name, v, "an integer");
    }

    public List<String> strings(String name, List<String> fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof List<?> list)) {
            throw wrong(name, v, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map || item instanceof List || item == null) {
                throw wrong(name, v, "a list of strings");
            }
            out.add(String.valueOf(item));
        }
        return List.copyOf(out);
    }

    /** Names of parameters under {@code prefix.} one level down (e.g. the robots under robot_profiles). */
    public List<String> children(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix + "."))
                .map(k -> k.substring(prefix.length() + 1).split("\\.")[0]).distinct().toList();
    }

    private InvalidValueException wrong(String name, Object value, String expected) {
        return new InvalidValueException(name, value, "must be " + expected + " (in " + origin + ")");
    }
}
