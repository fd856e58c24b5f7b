package dev.loci.bench.workload;

import java.util.Random;

/**
 * What the generated workload looks like. Everything derives from {@code seed}: the same settings give the
 * same building, objects, observations and events, bit for bit, on any JVM ({@link Random} is
 * specified down to its algorithm).
 *
 * @param seed        root of every random choice
 * @param objectCount physical objects placed in the building
 * @param robotCount  robots walking and observing, named robot_1 .. robot_n
 * @param noiseSigma  standard deviation, metres, of the detector's error on each axis of a box centre
 */
public record WorkloadSettings(long seed, int objectCount, int robotCount, double noiseSigma) {
    public static final WorkloadSettings DEFAULT = new WorkloadSettings(42, 20_000, 4, 0.05);

    public WorkloadSettings {
        if (objectCount < 1) {
            throw new IllegalArgumentException("objectCount must be positive: " + objectCount);
        }
        if (robotCount < 1) {
            throw new IllegalArgumentException("robotCount must be positive: " + robotCount);
        }
        if (!(noiseSigma >= 0)) {
            throw new IllegalArgumentException("noiseSigma must not be negative: " + noiseSigma);
        }
    }

    public WorkloadSettings withSeed(long newSeed) {
        return new WorkloadSettings(newSeed, objectCount, robotCount, noiseSigma);
    }

    public WorkloadSettings withObjectCount(int count) {
        return new WorkloadSettings(seed, count, robotCount, noiseSigma);
    }

    /** A separate, reproducible random stream per purpose, so adding draws to one does not shift the others. */
    Random random(long purpose) {
        return new Random(seed * 0x9E3779B97F4A7C15L + purpose);
    }
}
