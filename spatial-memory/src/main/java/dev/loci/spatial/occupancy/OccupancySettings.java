package dev.loci.spatial.occupancy;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * How a {@link VoxelMap} turns range readings into occupancy.
 *
 * @param resolution            voxel edge in metres
 * @param maxRange              beams are integrated up to this range; a return beyond it counts as no return
 * @param hitProbability        inverse sensor model for the voxel holding a return (OctoMap uses 0.7)
 * @param missProbability       inverse sensor model for voxels a beam passes through (OctoMap uses 0.4)
 * @param minProbability        lower clamp: how sure "free" may get, so a new obstacle shows up within a few scans
 * @param maxProbability        upper clamp: how sure "occupied" may get, so a removed obstacle clears within a few scans
 * @param decayPerSecond        log-odds (nats) each voxel loses toward even odds per second since it was last
 *                              decayed; a voxel reaching even odds is unknown again. 0 turns decay off.
 */
public record OccupancySettings(double resolution, double maxRange, double hitProbability, double missProbability,
        double minProbability, double maxProbability, double decayPerSecond) {
    public static final double MIN_RESOLUTION = 0.01;
    public static final double MAX_RESOLUTION = 2.0;
    public static final double MAX_RANGE = 1000;
    /** 10 cm voxels, 10 m range, OctoMap's sensor model and clamps, no decay. */
    public static final OccupancySettings DEFAULT = new OccupancySettings(0.1, 10, 0.7, 0.4, 0.12, 0.97, 0);

    public OccupancySettings {
        Require.inRange("occupancy.resolution", resolution, MIN_RESOLUTION, MAX_RESOLUTION);
        Require.inRange("occupancy.maxRange", maxRange, resolution, MAX_RANGE);
        Require.inRange("occupancy.hitProbability", hitProbability, 0, 1);
        Require.inRange("occupancy.missProbability", missProbability, 0, 1);
        Require.inRange("occupancy.minProbability", minProbability, 0, 1);
        Require.inRange("occupancy.maxProbability", maxProbability, 0, 1);
        Require.inRange("occupancy.decayPerSecond", decayPerSecond, 0, 1000);
        // Each check is on the quantized value, because that is what the map will actually add.
        requireSteps("occupancy.hitProbability", hitProbability, 1, LogOdds.MAX_STEPS);
        requireSteps("occupancy.missProbability", missProbability, -LogOdds.MAX_STEPS, -1);
        requireSteps("occupancy.maxProbability", maxProbability, 1, LogOdds.MAX_STEPS);
        requireSteps("occupancy.minProbability", minProbability, -LogOdds.MAX_STEPS, -1);
    }

    public OccupancySettings withResolution(double metres) {
        return new OccupancySettings(metres, maxRange, hitProbability, missProbability, minProbability,
                maxProbability, decayPerSecond);
    }

    public OccupancySettings withMaxRange(double metres) {
        return new OccupancySettings(resolution, metres, hitProbability, missProbability, minProbability,
                maxProbability, decayPerSecond);
    }

    public OccupancySettings withDecayPerSecond(double logOddsPerSecond) {
        return new OccupancySettings(resolution, maxRange, hitProbability, missProbability, minProbability,
                maxProbability, logOddsPerSecond);
    }

    int hitSteps() {
        return steps(hitProbability);
    }

    int missSteps() {
        return steps(missProbability);
    }

    int minSteps() {
        return steps(minProbability);
    }

    int maxSteps() {
        return steps(maxProbability);
    }

    /** The clamped ceiling as a probability, after quantization. */
    public double clampedMaxProbability() {
        return LogOdds.probability(maxSteps());
    }

    /** The clamped floor as a probability, after quantization. */
    public double clampedMinProbability() {
        return LogOdds.probability(minSteps());
    }

    private static int steps(double probability) {
        return LogOdds.steps(LogOdds.ofProbability(probability));
    }

    private static void requireSteps(String field, double probability, int min, int max) {
        double logOdds = LogOdds.ofProbability(probability);
        int steps = Double.isFinite(logOdds) ? LogOdds.steps(logOdds) : (logOdds > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        if (steps < min || steps > max) {
            throw new InvalidValueException(field, probability, "must give between " + min + " and " + max
                    + " log-odds steps of " + LogOdds.STEP + " (gives " + steps + ")");
        }
    }
}
