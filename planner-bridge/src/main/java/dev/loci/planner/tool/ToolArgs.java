package dev.loci.planner.tool;

import dev.loci.spatial.geometry.Vec3;
import java.util.Map;
import java.util.Optional;

/** A tool call's arguments after checking against the tool's parameters: typed, in range, nothing unknown. */
public final class ToolArgs {
    private final Map<String, Object> values;

    ToolArgs(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public Optional<Double> number(String name) {
        return Optional.ofNullable((Double) values.get(name));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }

    public Optional<Vec3> point(String name) {
        return Optional.ofNullable((Vec3) values.get(name));
    }

    /** A required argument (the schema check has made sure it is there). */
    public <T> T required(String name, Class<T> type) {
        return type.cast(values.get(name));
    }
}
