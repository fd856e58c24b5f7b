package dev.loci.runtime.embodiment;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** Whether a robot can take work. The codes are the stored form: never renumber, only append. */
public enum RobotStatus {
    IDLE(1),
    BUSY(2),
    CHARGING(3),
    FAILED(4),
    OFFLINE(5);

    private final int code;

    RobotStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean alive() {
        return this != FAILED && this != OFFLINE;
    }

    public static RobotStatus ofCode(int code) {
        for (RobotStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new InvalidValueException("robot status code", code, "is not one of " + Arrays.toString(values()));
    }

    public static RobotStatus parse(String name) {
        if (name != null) {
            for (RobotStatus status : values()) {
                if (status.name().equalsIgnoreCase(name.trim())) {
                    return status;
                }
            }
        }
        throw new InvalidValueException("robot status", name, "is not one of " + Arrays.toString(values()));
    }
}
