package dev.loci.spatial.index;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * An in-memory hash grid of points keyed by id: columns of {@code cellSize} x {@code cellSize} metres in x/y,
 * z kept per point. Indoor robots live in a thin slab, so 2D columns beat 3D cells (fewer empty lookups).
 * Not thread-safe: the owner guards it.
 */
public final class PointGrid {
    /** Cell indices are packed in 31 bits per axis; coordinates beyond this are refused. */
    public static final double MAX_COORDINATE = 1.0e6;
    private static final long AXIS_OFFSET = 1L << 30;
    /** Accepts every tag. */
    public static final IntPredicate ANY_TAG = tag -> true;

    private final double cellSize;
    private final double inverseCellSize;
    private final CellTable<Cell> cells = new CellTable<>();
    private int size;
    private int minCellX = Integer.MAX_VALUE;
    private int maxCellX = Integer.MIN_VALUE;
    private int minCellY = Integer.MAX_VALUE;
    private int maxCellY = Integer.MIN_VALUE;

    public PointGrid(double cellSize) {
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new InvalidValueException("cellSize", cellSize, "must be positive and finite");
        }
        if (MAX_COORDINATE * (1 / cellSize) >= AXIS_OFFSET - 1) {
            // Cell indices at +-MAX_COORDINATE would not fit the packed key: distinct cells would collide.
            throw new InvalidValueException("cellSize", cellSize, "is too small to index +-" + MAX_COORDINATE + " m");
        }
        this.cellSize = cellSize;
        this.inverseCellSize = 1 / cellSize;
    }

    public int size() {
        return size;
    }

    public void insert(long id, Vec3 p) {
        insert(id, p, 0);
    }

    /** Inserts {@code id} at {@code p} with a tag (a robot index, say) that queries can filter on. */
    public void insert(long id, Vec3 p, int tag) {
        int cx = cellIndex("x", p.x());
        int cy = cellIndex("y", p.y());
        long key = key(cx, cy);
        Cell cell = cells.get(key);
        if (cell == null) {
            cell = new Cell();
            cells.put(key, cell);
        }
        cell.add(id, p.x(), p.y(), p.z(), tag);
        size++;
        minCellX = Math.min(minCellX, cx);
        maxCellX = Math.max(maxCellX, cx);
        minCellY = Math.min(minCellY, cy);
        maxCellY = Math.max(maxCellY, cy);
    }

    /**
     * Inserts points {@code order[from, to)} (or {@code from..to-1} themselves when {@code order} is null) of the
     * parallel arrays, as {@link #insert(long, Vec3, int)} would one by one and in the same order, but growing each
     * cell once to the size it needs: opening a store indexes a million observations, and doubling every cell
     * as its points arrived was a fifth of what the reopen allocated. Nothing is inserted if a point is refused.
     */
    public void insertAll(long[] ids, double[] xs, double[] ys, double[] zs, int[] tags, int[] order, int from,
                          int to) {
        int count = to - from;
        long[] keys = new long[count];
        int lowX = minCellX;
        int highX = maxCellX;
        int lowY = minCellY;
        int highY = maxCellY;
        for (int i = 0; i < count; i++) { // every point checked before any changes
            int p = order == null ? from + i : order[from + i];
            int cx = cellIndex("x", xs[p]);
            int cy = cellIndex("y", ys[p]);
            keys[i] = key(cx, cy);
            lowX = Math.min(lowX, cx);
            highX = Math.max(highX, cx);
            lowY = Math.min(lowY, cy);
            highY = Math.max(highY, cy);
        }
        Cell[] targets = new Cell[count];
        for (int i = 0; i < count; i++) {
            Cell cell = cells.get(keys[i]);
            if (cell == null) {
                cell = new Cell(0);
                cells.put(keys[i], cell);
            }
            cell.incoming++;
            targets[i] = cell;
        }
        for (int i = 0; i < count; i++) {
            targets[i].makeRoomForIncoming();
            int p = order == null ? from + i : order[from + i];
            targets[i].add(ids[p], xs[p], ys[p], zs[p], tags[p]);
        }
        size += count;
        minCellX = lowX;
        maxCellX = highX;
        minCellY = lowY;
        maxCellY = highY;
    }

    /** Removes {@code id}, which must have been inserted at {@code p}; returns whether it was there. */
    public boolean remove(long id, Vec3 p) {
        long k = key(cellIndex("x", p.x()), cellIndex("y", p.y()));
        Cell cell = cells.get(k);
        if (cell == null || !cell.remove(id)) {
            return false;
        }
        if (cell.size == 0) {
            cells.remove(k);
        }
        size--;
        return true;
    }

    public void move(long id, Vec3 from, Vec3 to) {
        int fromX = cellIndex("x", from.x());
        int fromY = cellIndex("y", from.y());
        int toX = cellIndex("x", to.x());
        int toY = cellIndex("y", to.y());
        if (fromX == toX && fromY == toY) {
            Cell cell = cells.get(key(fromX, fromY));
            if (cell != null && cell.update(id, to.x(), to.y(), to.z())) {
                return;
            }
        }
        Cell cell = cells.get(key(fromX, fromY));
        int tag = cell == null ? 0 : cell.tagOf(id);
        if (!remove(id, from)) {
            throw new IllegalStateException("point " + id + " is not in the grid at " + from);
        }
        insert(id, to, tag);
    }

    /** Ids of the points within {@code radius} of {@code center} (inclusive), in no particular order. */
    public long[] within(Vec3 center, double radius) {
        return within(center, radius, ANY_TAG);
    }

    /** As {@link #within(Vec3, double)}, keeping only points whose tag passes {@code tags}. */
    public long[] within(Vec3 center, double radius, IntPredicate tags) {
        return collectWithin(center, radius, tags).ids();
    }

    /**
     * Ids of the points within {@code radius} of {@code center} (inclusive), nearest first; points at the same
     * distance in ascending id order.
     */
    public long[] withinNearestFirst(Vec3 center, double radius) {
        return collectWithin(center, radius, ANY_TAG).idsNearestFirst();
    }

    private RankedHits collectWithin(Vec3 center, double radius, IntPredicate tags) {
        if (!(radius >= 0) || !Double.isFinite(radius)) {
            throw new InvalidValueException("radius", radius, "must be finite and not negative");
        }
        RankedHits hits = new RankedHits();
        double r2 = radius * radius;
        // center +- radius is rounded: reach a few ulps further so a point exactly on the radius is never missed.
        double reach = radius + 4 * Math.ulp(Math.abs(center.x()) + Math.abs(center.y()) + radius);
        int x0 = Math.max(minCellX, floorCell(center.x() - reach));
        int x1 = Math.min(maxCellX, floorCell(center.x() + reach));
        int y0 = Math.max(minCellY, floorCell(center.y() - reach));
        int y1 = Math.min(maxCellY, floorCell(center.y() + reach));
        long span = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        if (span > 4L * cells.size()) {
            // A radius much larger than the occupied area: scanning the occupied cells is cheaper.
            for (Cell cell : cells.values()) {
                cell.collectWithin(center, r2, tags, hits);
            }
            return hits;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                Cell cell = cells.get(key(cx, cy));
                if (cell != null) {
                    cell.collectWithin(center, r2, tags, hits);
                }
            }
        }
        return hits;
    }

    /** Ids of the points inside {@code box} (inclusive) whose tag passes {@code tags}, in no particular order. */
    public long[] inBox(Aabb box, IntPredicate tags) {
        IdBuffer hits = new IdBuffer();
        int x0 = Math.max(minCellX, floorCell(box.min().x()));
        int x1 = Math.min(maxCellX, floorCell(box.max().x()));
        int y0 = Math.max(minCellY, floorCell(box.min().y()));
        int y1 = Math.min(maxCellY, floorCell(box.max().y()));
        long span = (long) Math.max(0, x1 - x0 + 1) * Math.max(0, y1 - y0 + 1);
        if (span > 4L * cells.size()) {
            for (Cell cell : cells.values()) {
                cell.collectInBox(box, tags, hits);
            }
            return hits.toArray();
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                Cell cell = cells.get(key(cx, cy));
                if (cell != null) {
                    cell.collectInBox(box, tags, hits);
                }
            }
        }
        return hits.toArray();
    }

    /** Up to {@code k} ids nearest to {@code center}, nearest first (ties broken by id). */
    public long[] nearest(Vec3 center, int k) {
        return nearest(center, k, ANY_TAG);
    }

    /** As {@link #nearest(Vec3, int)}, among points whose tag passes {@code tags}. */
    public long[] nearest(Vec3 center, int k, IntPredicate tags) {
        if (k < 0) {
            throw new InvalidValueException("k", k, "must not be negative");
        }
        if (k == 0 || size == 0) {
            return new long[0];
        }
        // Max-heap of the best k so far: the root is the worst kept candidate.
        PriorityQueue<Candidate> best = new PriorityQueue<>(k + 1,
                (a, b) -> a.distance2 != b.distance2 ? Double.compare(b.distance2, a.distance2)
                        : Long.compare(b.id, a.id));
        int ccx = floorCell(center.x());
        int ccy = floorCell(center.y());
        int maxRing = Math.max(Math.max(Math.abs(ccx - minCellX), Math.abs(maxCellX - ccx)),
                Math.max(Math.abs(ccy - minCellY), Math.abs(maxCellY - ccy)));
        long lookups = 0;
        for (int ring = 0; ring <= maxRing; ring++) {
            if (best.size() == k) {
                // Every point in this ring or beyond is at least this far away in x/y.
                double gap = distanceToRing(center, ccx, ccy, ring);
                if (gap * gap > best.peek().distance2) {
                    break;
                }
            }
            lookups += ring == 0 ? 1 : 8L * ring;
            if (lookups > 4L * cells.size()) {
                // Far from, or sparse over, the occupied area: scanning the occupied cells is cheaper.
                best.clear();
                for (Cell cell : cells.values()) {
                    cell.offerNearest(center, k, tags, best);
                }
                break;
            }
            for (int cx = ccx - ring; cx <= ccx + ring; cx++) {
                boolean edgeColumn = cx == ccx - ring || cx == ccx + ring;
                int step = edgeColumn ? 1 : 2 * ring;
                for (int cy = ccy - ring; cy <= ccy + ring; cy += Math.max(step, 1)) {
                    Cell cell = cells.get(key(cx, cy));
                    if (cell != null) {
                        cell.offerNearest(center, k, tags, best);
                    }
                }
            }
        }
        long[] ids = new long[best.size()];
        for (int i = ids.length - 1; i >= 0; i--) {
            ids[i] = best.poll().id;
        }
        return ids;
    }

    /** Lower bound of the x/y distance from {@code center} to any cell on the given ring. */
    private double distanceToRing(Vec3 center, int ccx, int ccy, int ring) {
        double insideX = Math.min(center.x() - ccx * cellSize, (ccx + 1) * cellSize - center.x());
        double insideY = Math.min(center.y() - ccy * cellSize, (ccy + 1) * cellSize - center.y());
        return Math.max(0, (ring - 1) * cellSize + Math.min(insideX, insideY));
    }

    private int cellIndex(String axis, double coordinate) {
        if (!(Math.abs(coordinate) <= MAX_COORDINATE)) {
            throw new InvalidValueException(axis, coordinate, "is outside +-" + MAX_COORDINATE + " m");
        }
        return floorCell(coordinate);
    }

    private int floorCell(double coordinate) {
        double clamped = Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, coordinate));
        return (int) Math.floor(clamped * inverseCellSize);
    }

    private static long key(int cx, int cy) {
        return ((cx + AXIS_OFFSET) << 31) | (cy + AXIS_OFFSET);
    }

    private record Candidate(long id, double distance2) {
    }

    /** Growable id list that avoids boxing on the query path. */
    static final class IdBuffer {
        private long[] ids = new long[16];
        private int count;

        void add(long id) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = id;
        }

        long[] toArray() {
            return Arrays.copyOf(ids, count);
        }
    }

    /** Parallel arrays of the points in one column; removal swaps the last point in. */
    private static final class Cell {
        long[] ids;
        double[] xs;
        double[] ys;
        double[] zs;
        int[] tags;
        int size;
        /** Points {@link #insertAll} is about to add here. */
        int incoming;

        Cell() {
            this(4);
        }

        Cell(int capacity) {
            ids = new long[capacity];
            xs = new double[capacity];
            ys = new double[capacity];
            zs = new double[capacity];
            tags = new int[capacity];
        }

        /** Grows once to hold the incoming points too, when they do not fit. */
        void makeRoomForIncoming() {
            if (incoming > 0) {
                if (size + incoming > ids.length) {
                    resize(size + incoming);
                }
                incoming = 0;
            }
        }

        private void resize(int capacity) {
            ids = Arrays.copyOf(ids, capacity);
            tags = Arrays.copyOf(tags, capacity);
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
            zs = Arrays.copyOf(zs, capacity);
        }

        void add(long id, double x, double y, double z, int tag) {
            if (size == ids.length) {
                resize(Math.max(4, size * 2));
            }
            ids[size] = id;
            xs[size] = x;
            ys[size] = y;
            zs[size] = z;
            tags[size] = tag;
            size++;
        }

        int tagOf(long id) {
            int i = indexOf(id);
            return i < 0 ? 0 : tags[i];
        }

        boolean update(long id, double x, double y, double z) {
            int i = indexOf(id);
            if (i < 0) {
                return false;
            }
            xs[i] = x;
            ys[i] = y;
            zs[i] = z;
            return true;
        }

        boolean remove(long id) {
            int i = indexOf(id);
            if (i < 0) {
                return false;
            }
            size--;
            ids[i] = ids[size];
            xs[i] = xs[size];
            ys[i] = ys[size];
            zs[i] = zs[size];
            tags[i] = tags[size];
            return true;
        }

        private int indexOf(long id) {
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    return i;
                }
            }
            return -1;
        }

        void collectWithin(Vec3 c, double r2, IntPredicate accept, RankedHits hits) {
            double cx = c.x();
            double cy = c.y();
            double cz = c.z();
            for (int i = 0; i < size; i++) {
                double dx = xs[i] - cx;
                double dy = ys[i] - cy;
                double dz = zs[i] - cz;
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 <= r2 && (accept == ANY_TAG || accept.test(tags[i]))) {
                    hits.add(ids[i], d2);
                }
            }
        }

        void collectInBox(Aabb box, IntPredicate accept, IdBuffer hits) {
            Vec3 lo = box.min();
            Vec3 hi = box.max();
            for (int i = 0; i < size; i++) {
                if (xs[i] >= lo.x() && xs[i] <= hi.x() && ys[i] >= lo.y() && ys[i] <= hi.y() && zs[i] >= lo.z()
                        && zs[i] <= hi.z() && (accept == ANY_TAG || accept.test(tags[i]))) {
                    hits.add(ids[i]);
                }
            }
        }

        void offerNearest(Vec3 c, int k, IntPredicate accept, PriorityQueue<Candidate> best) {
            for (int i = 0; i < size; i++) {
                if (accept != ANY_TAG && !accept.test(tags[i])) {
                    continue;
                }
                double dx = xs[i] - c.x();
                double dy = ys[i] - c.y();
                double dz = zs[i] - c.z();
                double d2 = dx * dx + dy * dy + dz * dz;
                if (best.size() < k) {
                    best.add(new Candidate(ids[i], d2));
                } else {
                    Candidate worst = best.peek();
                    if (d2 < worst.distance2 || (d2 == worst.distance2 && ids[i] < worst.id)) {
                        best.poll();
                        best.add(new Candidate(ids[i], d2));
                    }
                }
            }
        }
    }

    /** Every id in the grid, unordered. */
    public long[] ids() {
        IdBuffer all = new IdBuffer();
        for (Cell cell : cells.values()) {
            for (int i = 0; i < cell.size; i++) {
                all.add(cell.ids[i]);
            }
        }
        return all.toArray();
    }
}
