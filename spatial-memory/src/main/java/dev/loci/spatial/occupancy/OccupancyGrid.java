package dev.loci.spatial.occupancy;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Arrays;

/**
 * A 2D occupancy grid with nav_msgs/OccupancyGrid semantics: {@code data[row * width + col]} is the cell whose
 * lower-left corner is {@code (originX + col * resolution, originY + row * resolution)}; -1 is unknown, 0..100
 * the occupancy probability in percent. The origin carries no rotation (map-aligned).
 *
 * <p>Immutable: the data array is copied in and out. Use {@link #value(int, int)} to read cells without a copy.
 */
public record OccupancyGrid(double resolution, int width, int height, double originX, double originY, byte[] data)
        implements GridCells {
    public static final byte UNKNOWN = -1;

    public OccupancyGrid {
        Require.inRange("grid.resolution", resolution, OccupancySettings.MIN_RESOLUTION / 10, 100);
        Require.nonNegative("grid.width", width);
        Require.nonNegative("grid.height", height);
        Require.inRange("grid.originX", originX, -VoxelMap.MAX_COORDINATE, VoxelMap.MAX_COORDINATE);
        Require.inRange("grid.originY", originY, -VoxelMap.MAX_COORDINATE, VoxelMap.MAX_COORDINATE);
        Require.present("grid.data", data);
        if ((long) width * height != data.length) {
            throw new InvalidValueException("grid.data", data.length + " cells",
                    "must hold width x height = " + ((long) width * height) + " cells");
        }
        for (int i = 0; i < data.length; i++) {
            if (data[i] < -1 || data[i] > 100) {
                throw new InvalidValueException("grid.data[" + i + "]", data[i], "must be -1 or 0..100");
            }
        }
        data = data.clone();
    }

    /** A grid of {@code width x height} unknown cells. */
    public static OccupancyGrid unknown(double resolution, int width, int height, double originX, double originY) {
        byte[] cells = new byte[Math.multiplyExact(width, height)];
        Arrays.fill(cells, UNKNOWN);
        return new OccupancyGrid(resolution, width, height, originX, originY, cells);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Cell value at column {@code col}, row {@code row}; -1 outside the grid. */
    public int value(int col, int row) {
        if (col < 0 || row < 0 || col >= width || row >= height) {
            return UNKNOWN;
        }
        return data[row * width + col];
    }

    public int cellCount() {
        return data.length;
    }

    /** Column of map-frame x (may be outside [0, width)). */
    public int column(double x) {
        return (int) Math.floor((x - originX) / resolution);
    }

    /** Row of map-frame y (may be outside [0, height)). */
    public int row(double y) {
        return (int) Math.floor((y - originY) / resolution);
    }

    public double columnCenterX(int col) {
        return originX + (col + 0.5) * resolution;
    }

    public double rowCenterY(int row) {
        return originY + (row + 0.5) * resolution;
    }

    /** Global column of this grid's column 0: the origin in cells, rounded (exact for map projections). */
    public int originCellX() {
        return (int) Math.round(originX / resolution);
    }

    public int originCellY() {
        return (int) Math.round(originY / resolution);
    }

    @Override
    public int valueAt(int gx, int gy) {
        return value(gx - originCellX(), gy - originCellY());
    }

    @Override
    public double centerX(int gx) {
        return columnCenterX(gx - originCellX());
    }

    @Override
    public double centerY(int gy) {
        return rowCenterY(gy - originCellY());
    }

    /**
     * This grid in map_server's trinary form: 100 where occupied, 0 where free, -1 for unknown and for values
     * that are neither.
     */
    public OccupancyGrid toTrinary(CellThresholds thresholds) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            int v = data[i];
            out[i] = thresholds.isOccupied(v) ? 100 : thresholds.isFree(v) ? 0 : UNKNOWN;
        }
        return new OccupancyGrid(resolution, width, height, originX, originY, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OccupancyGrid g
                && Double.compare(resolution, g.resolution) == 0 && width == g.width && height == g.height
                && Double.compare(originX, g.originX) == 0 && Double.compare(originY, g.originY) == 0
                && Arrays.equals(data, g.data);
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(resolution);
        h = 31 * h + width;
        h = 31 * h + height;
        h = 31 * h + Double.hashCode(originX);
        h = 31 * h + Double.hashCode(originY);
        return 31 * h + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "OccupancyGrid[" + width + "x" + height + " @ " + resolution + " m, origin (" + originX + ", "
                + originY + ")]";
    }
}
