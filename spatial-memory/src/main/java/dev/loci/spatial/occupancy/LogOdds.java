package dev.loci.spatial.occupancy;

/**
 * Log-odds as stored in a voxel: a signed byte counting steps of {@link #STEP} nats, with {@link #UNKNOWN}
 * reserved for a voxel never observed (or decayed back to unknown). One byte per voxel keeps a 16^3 chunk at
 * 4 KiB; the 0.05 step is finer than any hit/miss increment worth using, and +-127 steps (p 0.0017..0.9983)
 * is wider than any sensible clamp.
 */
final class LogOdds {
    static final double STEP = 0.05;
    static final byte UNKNOWN = Byte.MIN_VALUE;
    static final int MAX_STEPS = Byte.MAX_VALUE;

    private LogOdds() {
    }

    static double ofProbability(double p) {
        return Math.log(p / (1 - p));
    }

    static int steps(double logOdds) {
        return (int) Math.round(logOdds / STEP);
    }

    static double probability(int steps) {
        return 1 / (1 + Math.exp(-steps * STEP));
    }

    /** Occupancy percent (0..100, ROS OccupancyGrid) for a stored byte, -1 when unknown. */
    static int percent(byte stored) {
        return stored == UNKNOWN ? -1 : (int) Math.round(100 * probability(stored));
    }

    /**
     * {@code stored} moved {@code steps} toward even odds; a voxel that reaches even odds has no evidence left
     * and becomes unknown again.
     */
    static byte decayed(byte stored, long steps) {
        if (stored == UNKNOWN || steps <= 0) {
            return stored;
        }
        if (Math.abs(stored) <= steps) {
            return UNKNOWN;
        }
        return (byte) (stored > 0 ? stored - steps : stored + steps);
    }
}
