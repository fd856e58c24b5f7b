package dev.loci.spatial.occupancy;

import dev.loci.spatial.validation.InvalidValueException;

/**
 * How 0..100 occupancy values read as free or occupied; values in between are neither (uncertain).
 *
 * @param freeAtMost      a cell is free when {@code 0 <= value <= freeAtMost}
 * @param occupiedAtLeast a cell is occupied when {@code value >= occupiedAtLeast}
 */
public record CellThresholds(int freeAtMost, int occupiedAtLeast) {
    /**
     * Even odds split free from occupied, as in OctoMap: a cell is free once it has more miss evidence than hit
     * evidence. Using nav2's 25/65 instead would leave cells seen once or twice "uncertain", and uncertain cells
     * hide frontiers.
     */
    public static final CellThresholds EVEN_ODDS = new CellThresholds(49, 50);
    /** nav2 map_server's defaults (free_thresh 0.25, occupied_thresh 0.65), for trinary export. */
    public static final CellThresholds NAV2 = new CellThresholds(25, 65);

    public CellThresholds {
        if (freeAtMost < 0 || occupiedAtLeast > 100 || freeAtMost >= occupiedAtLeast) {
            throw new InvalidValueException("thresholds", "free <= " + freeAtMost + ", occupied >= " + occupiedAtLeast,
                    "must satisfy 0 <= freeAtMost < occupiedAtLeast <= 100");
        }
    }

    public boolean isFree(int value) {
        return value >= 0 && value <= freeAtMost;
    }

    public boolean isOccupied(int value) {
        return value >= occupiedAtLeast;
    }
}
