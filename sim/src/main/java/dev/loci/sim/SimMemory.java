package dev.loci.sim;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.memory.OccupancyMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The memory configuration simulated robots use: paths inflated by the widest footprint and
 * (rare group commits: the simulation flushes before it queries, and each commit costs file syncs).
 */
public final class SimMemory {
    /** Inflation of the planner's grid: the widest body's footprint radius. */
    public static final double PLANNING_RADIUS = 0.3;

    private SimMemory() {
    }

    public static LociConfig config() {
        OccupancyMemory.Settings d = OccupancyMemory.Settings.DEFAULT;
        OccupancyMemory.Settings occupancy = new OccupancyMemory.Settings(d.voxels(), d.band(), d.frontiers(),
                d.places(), d.planner().withRobotRadius(PLANNING_RADIUS), 10);
        return new LociConfig(Duration.ofSeconds(5), 4096, Duration.ofSeconds(10), LociConfig.DEFAULT.spatial(),
                occupancy);
    }

    public static LociRuntime open(Path directory) {
        try {
            return LociRuntime.open(directory, config());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open memory in " + directory, e);
        }
    }
}
