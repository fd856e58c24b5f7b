package dev.loci.spatial.place;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The places found in one {@link OccupancyGrid} ({@link PlaceSegmenter#segment}): which cell belongs to which
 * place, each place's summary, and the adjacency graph between places. Names can be changed; everything else
 * is fixed for this segmentation. Not thread-safe.
 */
public final class PlaceMap {
    private static final int[] FORWARD_DX = {1, -1, 0, 1};
    private static final int[] FORWARD_DY = {0, 1, 1, 1};

    private final OccupancyGrid grid;
    private final int[] labels;
    private final Place[] places;
    private final List<PlaceLink> links;

    PlaceMap(OccupancyGrid grid, int[] labels, int count, double[] clearance2) {
        this.grid = grid;
        this.labels = labels;
        this.places = summarize(grid, labels, count);
        this.links = List.copyOf(link(grid, labels, clearance2));
    }

    public OccupancyGrid grid() {
        return grid;
    }

    public int size() {
        return places.length;
    }

    /** Every place, by id. */
    public List<Place> places() {
        return List.of(places);
    }

    public Optional<Place> place(int id) {
        return id >= 1 && id <= places.length ? Optional.of(places[id - 1]) : Optional.empty();
    }

    /** The place whose free cell holds {@code p}; empty over walls, unknown space and outside the grid. */
    public Optional<Place> placeAt(Vec3 p) {
        Require.present("point", p);
        OptionalInt id = placeIdAt(grid.column(p.x()), grid.row(p.y()));
        return id.isPresent() ? place(id.getAsInt()) : Optional.empty();
    }

    public OptionalInt placeIdAt(int col, int row) {
        if (col < 0 || row < 0 || col >= grid.width() || row >= grid.height()) {
            return OptionalInt.empty();
        }
        int label = labels[row * grid.width() + col];
        return label == 0 ? OptionalInt.empty() : OptionalInt.of(label);
    }

    /** Row-major grid indices ({@code row * width + col}) of the cells of place {@code id}. */
    public int[] cellsOf(int id) {
        Place place = require(id);
        int[] cells = new int[place.cells()];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == id) {
                cells[k++] = i;
            }
        }
        return cells;
    }

    public Place rename(int id, String name) {
        Require.label("place.name", name);
        Place renamed = require(id).withName(name);
        places[id - 1] = renamed;
        return renamed;
    }

    /** Every pair of adjacent places, ordered by (from, to). */
    public List<PlaceLink> links() {
        return links;
    }

    /** Ids of the places adjacent to {@code id}, ascending. */
    public List<Integer> neighbours(int id) {
        require(id);
        List<Integer> result = new ArrayList<>();
        for (PlaceLink link : links) {
            if (link.from() == id || link.to() == id) {
                result.add(link.other(id));
            }
        }
        result.sort(null);
        return result;
    }

    public Optional<PlaceLink> link(int a, int b) {
        return links.stream().filter(link -> link.joins(a, b)).findFirst();
    }

    /** Path length from one place's anchor to another's, planned by {@code planner} on the same floor. */
    public OptionalDouble travelDistance(int from, int to, GridPlanner planner) {
        Require.present("planner", planner);
        return planner.distance(require(from).anchor(), require(to).anchor());
    }

    private Place require(int id) {
        return place(id).orElseThrow(() -> new InvalidValueException("place.id", id, "is not a place in this map"));
    }

    private static Place[] summarize(OccupancyGrid grid, int[] labels, int count) {
        int width = grid.width();
        double res = grid.resolution();
        int[] cells = new int[count + 1];
        double[] sumCol = new double[count + 1];
        double[] sumRow = new double[count + 1];
        int[] minCol = new int[count + 1];
        int[] minRow = new int[count + 1];
        int[] maxCol = new int[count + 1];
        int[] maxRow = new int[count + 1];
        Arrays.fill(minCol, Integer.MAX_VALUE);
        Arrays.fill(minRow, Integer.MAX_VALUE);
        Arrays.fill(maxCol, Integer.MIN_VALUE);
        Arrays.fill(maxRow, Integer.MIN_VALUE);
        for (int i = 0; i < labels.length; i++) {
            int id = labels[i];
            if (id == 0) {
                continue;
            }
            int col = i % width;
            int row = i / width;
            cells[id]++;
            sumCol[id] += col;
            sumRow[id] += row;
            minCol[id] = Math.min(minCol[id], col);
            minRow[id] = Math.min(minRow[id], row);
            maxCol[id] = Math.max(maxCol[id], col);
            maxRow[id] = Math.max(maxRow[id], row);
        }
        double[] meanCol = new double[count + 1];
        double[] meanRow = new double[count + 1];
        double[] nearest2 = new double[count + 1];
        int[] anchor = new int[count + 1];
        Arrays.fill(nearest2, Double.POSITIVE_INFINITY);
        for (int id = 1; id <= count; id++) {
            meanCol[id] = sumCol[id] / cells[id];
            meanRow[id] = sumRow[id] / cells[id];
        }
        for (int i = 0; i < labels.length; i++) {
            int id = labels[i];
            if (id != 0) {
                double dc = i % width - meanCol[id];
                double dr = i / width - meanRow[id];
                double d2 = dc * dc + dr * dr;
                if (d2 < nearest2[id]) {
                    nearest2[id] = d2;
                    anchor[id] = i;
                }
            }
        }
        Place[] result = new Place[count];
        for (int id = 1; id <= count; id++) {
            Aabb bounds = new Aabb(
                    new Vec3(grid.originX() + minCol[id] * res, grid.originY() + minRow[id] * res, 0),
                    new Vec3(grid.originX() + (maxCol[id] + 1) * res, grid.originY() + (maxRow[id] + 1) * res, 0));
            Vec3 centroid = new Vec3(grid.originX() + (meanCol[id] + 0.5) * res,
                    grid.originY() + (meanRow[id] + 0.5) * res, 0);
            Vec3 anchorPoint = new Vec3(grid.columnCenterX(anchor[id] % width), grid.rowCenterY(anchor[id] / width), 0);
            result[id - 1] = new Place(id, Place.defaultName(id), bounds, cells[id] * res * res, centroid,
                    anchorPoint, cells[id]);
        }
        return result;
    }

    /**
     * Free width of a gap whose middle cell has squared clearance {@code clearance2} (cells^2). A gap of
     * 2d - 1 cells has clearance d at its middle cell, and so does a gap of 2d cells; 2d - 0.5 is within half a
     * cell of both.
     */
    static double passageWidth(double clearance2, double resolution) {
        return Math.max(0, 2 * Math.sqrt(clearance2) - 0.5) * resolution;
    }

    /** Scans each 8-neighbour pair once; the doorway is the boundary pair with the most clearance. */
    private static List<PlaceLink> link(OccupancyGrid grid, int[] labels, double[] clearance2) {
        int width = grid.width();
        int height = grid.height();
        Map<Long, int[]> contacts = new HashMap<>();
        Map<Long, double[]> widest = new HashMap<>();
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int i = row * width + col;
                int a = labels[i];
                if (a == 0) {
                    continue;
                }
                for (int d = 0; d < FORWARD_DX.length; d++) {
                    int nc = col + FORWARD_DX[d];
                    int nr = row + FORWARD_DY[d];
                    if (nc < 0 || nr < 0 || nc >= width || nr >= height) {
                        continue;
                    }
                    int j = nr * width + nc;
                    int b = labels[j];
                    if (b == 0 || b == a) {
                        continue;
                    }
                    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                    contacts.computeIfAbsent(key, k -> new int[1])[0]++;
                    double clearance = Math.min(clearance2[i], clearance2[j]);
                    double[] best = widest.get(key);
                    if (best == null || clearance > best[0]) {
                        widest.put(key, new double[] {clearance, i, j});
                    }
                }
            }
        }
        List<PlaceLink> result = new ArrayList<>();
        for (Map.Entry<Long, int[]> entry : contacts.entrySet()) {
            long key = entry.getKey();
            double[] best = widest.get(key);
            int i = (int) best[1];
            int j = (int) best[2];
            Vec3 doorway = new Vec3(
                    (grid.columnCenterX(i % width) + grid.columnCenterX(j % width)) / 2,
                    (grid.rowCenterY(i / width) + grid.rowCenterY(j / width)) / 2, 0);
            double width2 = passageWidth(best[0], grid.resolution());
            result.add(new PlaceLink((int) (key >> 32), (int) key, doorway, width2, entry.getValue()[0]));
        }
        result.sort((x, y) -> x.from() != y.from() ? Integer.compare(x.from(), y.from())
                : Integer.compare(x.to(), y.to()));
        return result;
    }
}
