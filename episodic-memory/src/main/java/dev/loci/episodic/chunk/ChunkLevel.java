package dev.loci.episodic.chunk;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;

/**
 * Levels of the chunk hierarchy above single events (level 0). The codes are the stored form: never renumber,
 * only append.
 */
public enum ChunkLevel {
    /** A segment of one robot's consecutive events, closed by the segmenter. */
    EPISODE(1),
    /** Consecutive episodes of one robot, closed by a long time gap, a session attribute change or a size cap. */
    SESSION(2);

    private final int code;

    ChunkLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ChunkLevel ofCode(int code) {
        for (ChunkLevel level : values()) {
            if (level.code == code) {
                return level;
            }
        }
        throw new InvalidValueException("chunk level code", code, "is not one of " + Arrays.toString(values()));
    }
}
