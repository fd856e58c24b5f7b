package dev.loci.planner.task;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** What a planner can ask the fleet to do. Stored by name in task events: never rename. */
public enum TaskKind {
    /** Go to where an object of a class was last seen (or explore for one) and look for it. */
    FIND,
    /** Find an object of a class (or a given object), pick it up and bring it to a destination. */
    FETCH,
    /** Bring a given object to a destination. */
    DELIVER,
    /** Go to the nearest frontier and look into the unexplored space. */
    EXPLORE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskKind parse(String name) {
        if (name != null) {
            for (TaskKind kind : values()) {
                if (kind.name().equalsIgnoreCase(name.trim())) {
                    return kind;
                }
            }
        }
        throw new InvalidValueException("kind", name, "is not one of " + Arrays.toString(values()));
    }
}
