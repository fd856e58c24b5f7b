package dev.loci.spatial.place;

import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the free space of a 2D grid into places: distance transform, watershed from its maxima, then merging
 * of regions joined by wide passages (see the package documentation for the rule).
 */
public final class PlaceSegmenter {
    private static final int[] DX = {1, 1, 0, -1, -1, -1, 0, 1};
    private static final int[] DY = {0, 1, 1, 1, 0, -1, -1, -1};

    private final SegmentationSettings settings;

    public PlaceSegmenter(SegmentationSettings settings) {
        this.settings = Require.present("settings", settings);
    }

    public PlaceMap segment(OccupancyGrid grid) {
        Require.present("grid", grid);
        int width = grid.width();
        int height = grid.height();
        int n = grid.cellCount();
        boolean[] obstacle = new boolean[n];
        for (int i = 0; i < n; i++) {
            obstacle[i] = !settings.thresholds().isFree(grid.value(i % width, i / width));
        }
        // Unknown and occupied cells, and everything beyond the grid, bound free space alike.
        double[] clearance2 = DistanceTransform.squared(obstacle, width, height, true);
        Basins basins = flood(obstacle, clearance2, width, height);
        UnionFind regions = mergeWidePassages(basins, grid.resolution());
        int[] cellsPerRoot = new int[basins.count + 1];
        for (int i = 0; i < n; i++) {
            if (basins.label[i] != 0) {
                cellsPerRoot[regions.find(basins.label[i])]++;
            }
        }
        boolean[] dropped = absorbSmallRegions(basins, regions, cellsPerRoot, grid.resolution());
        int[] labels = new int[n];
        int[] placeOfRoot = new int[basins.count + 1];
        int places = 0;
        for (int i = 0; i < n; i++) {
            if (basins.label[i] == 0) {
                continue;
            }
            int root = regions.find(basins.label[i]);
            if (dropped[root]) {
                continue;
            }
            if (placeOfRoot[root] == 0) {
                placeOfRoot[root] = ++places; // numbered by first cell, row-major from the origin
            }
            labels[i] = placeOfRoot[root];
        }
        return new PlaceMap(grid, labels, places, clearance2);
    }

    /**
     * Watershed on the clearance: cells from the most clear down; a cell with no labelled neighbour starts a
     * basin at a local maximum, otherwise it joins the basin of its clearest labelled neighbour. Where two
     * basins first touch is their saddle, the widest passage between them (cells come in falling clearance).
     */
    private static Basins flood(boolean[] obstacle, double[] clearance2, int width, int height) {
        int free = 0;
        for (boolean o : obstacle) {
            free += o ? 0 : 1;
        }
        long[] order = new long[free];
        int k = 0;
        for (int i = 0; i < obstacle.length; i++) {
            if (!obstacle[i]) {
                // Squared clearance is a whole number of cells^2; inverted so an ascending sort is descending.
                long inverted = Integer.MAX_VALUE - (long) Math.min(clearance2[i], Integer.MAX_VALUE - 1);
                order[k++] = (inverted << 32) | i;
            }
        }
        Arrays.sort(order);
        Basins basins = new Basins(obstacle.length);
        for (long entry : order) {
            int i = (int) entry;
            int x = i % width;
            int y = i / width;
            // Steepest ascent: join the basin of the clearest labelled neighbour. Preferring the highest peak
            // instead would let a big room's label run along a contour line into the next room.
            int best = 0;
            double bestClearance2 = -1;
            for (int d = 0; d < 8; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                    int j = ny * width + nx;
                    int b = basins.label[j];
                    if (b != 0 && (clearance2[j] > bestClearance2 || (clearance2[j] == bestClearance2
                            && (basins.peak2(b) > basins.peak2(best)
                                    || (basins.peak2(b) == basins.peak2(best) && b < best))))) {
                        best = b;
                        bestClearance2 = clearance2[j];
                    }
                }
            }
            if (best == 0) {
                basins.label[i] = basins.start(clearance2[i]);
                continue;
            }
            basins.label[i] = best;
            for (int d = 0; d < 8; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                    int b = basins.label[ny * width + nx];
                    if (b != 0 && b != best) {
                        basins.saddles.putIfAbsent(pairKey(best, b), clearance2[i]);
                    }
                }
            }
        }
        return basins;
    }

    /**
     * Merges basins, widest saddle first, unless the passage between them looks like a doorway: narrower than
     * {@code mergeRatio} of the smaller region's peak and no wider than {@code maxDoorWidthM}.
     */
    private UnionFind mergeWidePassages(Basins basins, double resolution) {
        List<Map.Entry<Long, Double>> pairs = new ArrayList<>(basins.saddles.entrySet());
        pairs.sort(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        UnionFind regions = new UnionFind(basins.count, basins.peaks2);
        for (Map.Entry<Long, Double> pair : pairs) {
            int a = regions.find((int) (pair.getKey() >> 32));
            int b = regions.find((int) (long) pair.getKey());
            if (a == b) {
                continue;
            }
            double saddle = Math.sqrt(pair.getValue());
            double smallerPeak = Math.sqrt(Math.min(regions.peak2[a], regions.peak2[b]));
            boolean relativelyNarrow = saddle < settings.mergeRatio() * smallerPeak;
            boolean doorSized = PlaceMap.passageWidth(pair.getValue(), resolution) <= settings.maxDoorWidthM();
            if (!(relativelyNarrow && doorSized)) {
                regions.union(a, b);
            }
        }
        return regions;
    }

    /**
     * Folds regions below the minimum area into the neighbour with the widest passage, smallest first;
     * returns the roots of small regions with no neighbour, which are dropped.
     */
    private boolean[] absorbSmallRegions(Basins basins, UnionFind regions, int[] cellsPerRoot, double resolution) {
        Map<Integer, Map<Integer, Double>> neighbours = new HashMap<>();
        for (Map.Entry<Long, Double> pair : basins.saddles.entrySet()) {
            int a = regions.find((int) (pair.getKey() >> 32));
            int b = regions.find((int) (long) pair.getKey());
            if (a != b) {
                neighbours.computeIfAbsent(a, key -> new HashMap<>()).merge(b, pair.getValue(), Math::max);
                neighbours.computeIfAbsent(b, key -> new HashMap<>()).merge(a, pair.getValue(), Math::max);
            }
        }
        double cellArea = resolution * resolution;
        boolean[] dropped = new boolean[cellsPerRoot.length];
        while (true) {
            int smallest = -1;
            for (int root = 1; root < cellsPerRoot.length; root++) {
                if (regions.find(root) == root && !dropped[root] && cellsPerRoot[root] > 0
                        && cellsPerRoot[root] * cellArea < settings.minPlaceAreaM2()
                        && (smallest < 0 || cellsPerRoot[root] < cellsPerRoot[smallest])) {
                    smallest = root;
                }
            }
            if (smallest < 0) {
                return dropped;
            }
            Map<Integer, Double> around = neighbours.getOrDefault(smallest, Map.of());
            if (around.isEmpty()) {
                dropped[smallest] = true;
                continue;
            }
            int target = -1;
            for (Map.Entry<Integer, Double> entry : around.entrySet()) {
                if (target < 0 || entry.getValue() > around.get(target)
                        || (entry.getValue().equals(around.get(target)) && entry.getKey() < target)) {
                    target = entry.getKey();
                }
            }
            int kept = regions.union(target, smallest);
            int gone = kept == target ? smallest : target;
            cellsPerRoot[kept] = cellsPerRoot[target] + cellsPerRoot[smallest];
            cellsPerRoot[gone] = 0;
            Map<Integer, Double> merged = new HashMap<>();
            for (int side : new int[] {target, smallest}) {
                for (Map.Entry<Integer, Double> entry : neighbours.getOrDefault(side, Map.of()).entrySet()) {
                    int other = entry.getKey();
                    if (other != target && other != smallest) {
                        merged.merge(other, entry.getValue(), Math::max);
                        Map<Integer, Double> back = neighbours.get(other);
                        back.remove(side);
                        back.merge(kept, entry.getValue(), Math::max);
                    }
                }
            }
            neighbours.remove(target);
            neighbours.remove(smallest);
            neighbours.put(kept, merged);
        }
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Watershed basins: per-cell label (0 = none), per-basin squared peak clearance, saddles by pair. */
    private static final class Basins {
        final int[] label;
        double[] peaks2 = new double[64];
        int count;
        final Map<Long, Double> saddles = new HashMap<>();

        Basins(int cells) {
            label = new int[cells];
        }

        int start(double peak2) {
            count++;
            if (count == peaks2.length) {
                peaks2 = Arrays.copyOf(peaks2, 2 * count);
            }
            peaks2[count] = peak2;
            return count;
        }

        double peak2(int basin) {
            return peaks2[basin];
        }
    }

    /** Union-find over basin ids 1..count; the root keeps the highest peak of its set. */
    private static final class UnionFind {
        final int[] parent;
        final double[] peak2;

        UnionFind(int count, double[] peaks2) {
            parent = new int[count + 1];
            peak2 = Arrays.copyOf(peaks2, count + 1);
            for (int i = 0; i <= count; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        /** Joins the sets of a and b (both roots); returns the surviving root. */
        int union(int a, int b) {
            int keep = peak2[a] > peak2[b] || (peak2[a] == peak2[b] && a < b) ? a : b;
            int gone = keep == a ? b : a;
            parent[gone] = keep;
            peak2[keep] = Math.max(peak2[a], peak2[b]);
            return keep;
        }
    }
}
