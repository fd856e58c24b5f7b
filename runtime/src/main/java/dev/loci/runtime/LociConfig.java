package dev.loci.runtime;

import dev.loci.spatial.memory.OccupancyMemory;
import dev.loci.spatial.memory.SpatialSettings;
import dev.loci.spatial.objects.FusionSettings;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;

/**
 * How a runtime behaves.
 *
 * @param commitInterval group-commit period: the most a crash can lose of writes not yet acknowledged
 * @param queueCapacity  writes that may wait for the writer before submitters are held back; keep the work
 *                       it holds well under the offer timeout, or bulk submitters will be refused
 * @param offerTimeout   how long a submitter waits for room before its write is refused
 * @param spatial        object fusion and change, snapshots, observation index
 * @param occupancy      voxel map, 2D band, frontiers, places and path planning
 * @param diskReserveBytes writes are refused (clearly, counted, nothing changed) while the store's file system
 *                       has less free; 0 turns the guard off (a commit that then runs out of space makes the
 *                       store read-only until reopened)
 */
public record LociConfig(Duration commitInterval, int queueCapacity, Duration offerTimeout, SpatialSettings spatial,
                         OccupancyMemory.Settings occupancy, long diskReserveBytes) {
    /** MapDB grows memory.db 32 MB at a time; 16 MB more for its WAL, the redo log, journal and blob appends. */
    public static final long DEFAULT_DISK_RESERVE_BYTES = 48L << 20;
    public static final LociConfig DEFAULT = new LociConfig(Duration.ofMillis(50), 256, Duration.ofSeconds(1),
            SpatialSettings.DEFAULT, OccupancyMemory.Settings.DEFAULT);

    public LociConfig(Duration commitInterval, int queueCapacity, Duration offerTimeout, SpatialSettings spatial,
                      OccupancyMemory.Settings occupancy) {
        this(commitInterval, queueCapacity, offerTimeout, spatial, occupancy, DEFAULT_DISK_RESERVE_BYTES);
    }

    public LociConfig {
        Require.present("commitInterval", commitInterval);
        if (commitInterval.compareTo(Duration.ofMillis(1)) < 0 || commitInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new InvalidValueException("commitInterval", commitInterval, "must be within [1 ms, 10 s]");
        }
        if (queueCapacity < 1 || queueCapacity > 10_000_000) {
            throw new InvalidValueException("queueCapacity", queueCapacity, "must be within [1, 10000000]");
        }
        Require.present("offerTimeout", offerTimeout);
        if (offerTimeout.isNegative()) {
            throw new InvalidValueException("offerTimeout", offerTimeout, "must not be negative");
        }
        Require.present("spatial", spatial);
        Require.present("occupancy", occupancy);
        if (diskReserveBytes < 0) {
            throw new InvalidValueException("diskReserveBytes", diskReserveBytes, "must not be negative");
        }
    }

    public LociConfig withCommitInterval(Duration interval) {
        return new LociConfig(interval, queueCapacity, offerTimeout, spatial, occupancy, diskReserveBytes);
    }

    public LociConfig withQueueCapacity(int capacity) {
        return new LociConfig(commitInterval, capacity, offerTimeout, spatial, occupancy, diskReserveBytes);
    }

    public LociConfig withOfferTimeout(Duration timeout) {
        return new LociConfig(commitInterval, queueCapacity, timeout, spatial, occupancy, diskReserveBytes);
    }

    public LociConfig withSpatial(SpatialSettings settings) {
        return new LociConfig(commitInterval, queueCapacity, offerTimeout, settings, occupancy, diskReserveBytes);
    }

    public LociConfig withFusion(FusionSettings settings) {
        return withSpatial(new SpatialSettings(settings, spatial.snapshots(), spatial.indexCellMeters()));
    }

    public LociConfig withDiskReserve(long bytes) {
        return new LociConfig(commitInterval, queueCapacity, offerTimeout, spatial, occupancy, bytes);
    }
}
