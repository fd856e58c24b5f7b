package dev.loci.episodic.event;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** What kind of thing happened. The codes are the stored form: never renumber, only append. */
public enum EventType {
    OBSERVATION_BATCH(1),
    ACTION(2),
    TASK_STARTED(3),
    TASK_FINISHED(4),
    TASK_FAILED(5),
    ROBOT_STATE(6),
    CUSTOM(7);

    private final int code;

    EventType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EventType ofCode(int code) {
        for (EventType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new InvalidValueException("event type code", code, "is not one of " + Arrays.toString(values()));
    }

    /** Parses a name such as {@code task_started} or {@code TASK_STARTED}. */
    public static EventType parse(String name) {
        if (name != null) {
            for (EventType type : values()) {
                if (type.name().equalsIgnoreCase(name.trim())) {
                    return type;
                }
            }
        }
        throw new InvalidValueException("event type", name, "is not one of " + Arrays.toString(values()));
    }
}
