package dev.loci.runtime.embodiment;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** The body a robot has. The codes are the stored form: never renumber, only append. */
public enum RobotKind {
    WHEELED_BASE(1),
    MOBILE_MANIPULATOR(2),
    TALL_REACH(3),
    DRONE(4),
    LEGGED(5),
    HUMANOID(6);

    private final int code;

    RobotKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RobotKind ofCode(int code) {
        for (RobotKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new InvalidValueException("robot kind code", code, "is not one of " + Arrays.toString(values()));
    }

    public static RobotKind parse(String name) {
        if (name != null) {
            for (RobotKind kind : values()) {
                if (kind.name().equalsIgnoreCase(name.trim())) {
                    return kind;
                }
            }
        }
        throw new InvalidValueException("robot kind", name, "is not one of " + Arrays.toString(values()));
    }
}
