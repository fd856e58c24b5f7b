package dev.loci.spatial.objects;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/** Whether memory believes an object is still where it was seen. Codes are the stored form. */
public enum ObjectStatus {
    /** Seen, and not missed since. */
    PRESENT(1),
    /** Its place was in view without it at least once since it was last seen. */
    MISSING(2),
    /** Missed until its confidence fell below the threshold: no longer returned by spatial queries. */
    GONE(3);

    private final int code;

    ObjectStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ObjectStatus ofCode(int code) {
        for (ObjectStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new InvalidValueException("object status code", code, "is not one of " + Arrays.toString(values()));
    }
}
