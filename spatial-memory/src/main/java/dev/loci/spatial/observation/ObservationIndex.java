package dev.loci.spatial.observation;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.index.PointGrid;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * In-memory index of raw observations by box centre, over all classes and per class, each point tagged with
 * its robot so queries can keep one robot's observations. Rebuilt from the observation log on open; updated
 * by the writer thread at ingest; queried from any thread. Answers are observation ids.
 */
public final class ObservationIndex {
    private final double cellMeters;
    private final PointGrid all;
    private final Map<String, PointGrid> byClass = new HashMap<>();
    private final Map<RobotId, Integer> robotTags = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public ObservationIndex(double cellMeters) {
        this.cellMeters = Require.positive("cellMeters", cellMeters);
        this.all = new PointGrid(cellMeters);
    }

    public void add(long id, Observation observation) {
        add(id, observation.robot(), observation.label(), observation.box().center());
    }

    /** Indexes observation {@code id} of class {@code label}, seen by {@code robot} with its box centred at {@code at}. */
    public void add(long id, RobotId robot, String label, Vec3 at) {
        // get before computeIfAbsent: the lambdas capture this, so computeIfAbsent alone allocates an object per
        // call, and ingest calls this for every observation.
        int tag = tagOf(robot);
        lock.writeLock().lock();
        try {
            all.insert(id, at, tag);
            PointGrid ofClass = byClass.get(label);
            if (ofClass == null) {
                ofClass = byClass.computeIfAbsent(label, l -> new PointGrid(cellMeters));
            }
            ofClass.insert(id, at, tag);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Observations to index at once with {@link #addAll}, gathered in primitive arrays: what replaying the
     * journal on open fills (see {@link PointGrid#insertAll}). Robots get their tags as they are added, in the
     * order {@link #add} would give them. Not thread-safe.
     */
    public final class Pending {
        private long[] ids;
        private double[] xs;
        private double[] ys;
        private double[] zs;
        private int[] tags;
        private int[] classes;
        private final Map<String, Integer> classOf = new HashMap<>();
        private final List<String> labels = new ArrayList<>();
        private int size;

        private Pending(int expected) {
            int capacity = Math.max(16, expected);
            ids = new long[capacity];
            xs = new double[capacity];
            ys = new double[capacity];
            zs = new double[capacity];
            tags = new int[capacity];
            classes = new int[capacity];
        }

        /** As {@link ObservationIndex#add(long, RobotId, String, Vec3)}, once {@link #addAll} takes it. */
        public void add(long id, RobotId robot, String label, Vec3 at) {
            if (size == ids.length) {
                int capacity = size * 2;
                ids = Arrays.copyOf(ids, capacity);
                xs = Arrays.copyOf(xs, capacity);
                ys = Arrays.copyOf(ys, capacity);
                zs = Arrays.copyOf(zs, capacity);
                tags = Arrays.copyOf(tags, capacity);
                classes = Arrays.copyOf(classes, capacity);
            }
            Integer known = classOf.get(label);
            if (known == null) {
                known = labels.size();
                classOf.put(label, known);
                labels.add(label);
            }
            ids[size] = id;
            xs[size] = at.x();
            ys[size] = at.y();
            zs[size] = at.z();
            tags[size] = tagOf(robot);
            classes[size] = known;
            size++;
        }

        public int size() {
            return size;
        }
    }

    /** An empty batch for {@link #addAll}, with room for {@code expected} observations. */
    public Pending pending(int expected) {
        return new Pending(expected);
    }

    /** Indexes what {@code pending} gathered, as {@link #add} would one by one. */
    public void addAll(Pending pending) {
        Require.present("pending", pending);
        int n = pending.size;
        int classCount = pending.labels.size();
        int[] starts = new int[classCount + 1];
        for (int i = 0; i < n; i++) {
            starts[pending.classes[i] + 1]++;
        }
        for (int c = 0; c < classCount; c++) {
            starts[c + 1] += starts[c];
        }
        int[] byClassOrder = new int[n]; // stable: each class's points in the order they came
        int[] next = Arrays.copyOf(starts, classCount);
        for (int i = 0; i < n; i++) {
            byClassOrder[next[pending.classes[i]]++] = i;
        }
        lock.writeLock().lock();
        try {
            all.insertAll(pending.ids, pending.xs, pending.ys, pending.zs, pending.tags, null, 0, n);
            for (int c = 0; c < classCount; c++) {
                PointGrid ofClass = byClass.computeIfAbsent(pending.labels.get(c), l -> new PointGrid(cellMeters));
                ofClass.insertAll(pending.ids, pending.xs, pending.ys, pending.zs, pending.tags, byClassOrder,
                        starts[c], starts[c + 1]);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int tagOf(RobotId robot) {
        Integer known = robotTags.get(robot);
        return known != null ? known : robotTags.computeIfAbsent(robot, r -> robotTags.size() + 1);
    }

    /** Takes an observation out of the index (retirement): queries stop finding it; the store still has it. */
    public boolean remove(long id, Observation observation) {
        Vec3 at = observation.box().center();
        lock.writeLock().lock();
        try {
            boolean removed = all.remove(id, at);
            PointGrid ofClass = byClass.get(observation.label());
            if (ofClass != null) {
                ofClass.remove(id, at);
                if (ofClass.size() == 0) {
                    byClass.remove(observation.label());
                }
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return all.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Observations whose box centre is within {@code radius} of {@code center}. */
    public long[] within(Vec3 center, double radius, Optional<RobotId> robot) {
        Require.present("center", center);
        IntPredicate tags = tagsOf(robot);
        lock.readLock().lock();
        try {
            return tags == null ? new long[0] : all.within(center, radius, tags);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Observations whose box centre is inside {@code box}. */
    public long[] inBox(Aabb box, Optional<RobotId> robot) {
        Require.present("box", box);
        IntPredicate tags = tagsOf(robot);
        lock.readLock().lock();
        try {
            return tags == null ? new long[0] : all.inBox(box, tags);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code k} observations nearest to {@code center}, nearest first. */
    public long[] nearest(Vec3 center, int k, Optional<RobotId> robot) {
        Require.present("center", center);
        IntPredicate tags = tagsOf(robot);
        lock.readLock().lock();
        try {
            return tags == null ? new long[0] : all.nearest(center, k, tags);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code k} observations of class {@code label} nearest to {@code center}, nearest first. */
    public long[] nearestOfClass(Vec3 center, String label, int k, Optional<RobotId> robot) {
        Require.present("center", center);
        Require.label("label", label);
        IntPredicate tags = tagsOf(robot);
        lock.readLock().lock();
        try {
            PointGrid grid = byClass.get(label);
            return tags == null || grid == null ? new long[0] : grid.nearest(center, k, tags);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The tag filter for a robot; null if the robot has no observations at all. */
    private IntPredicate tagsOf(Optional<RobotId> robot) {
        Require.present("robot", robot);
        if (robot.isEmpty()) {
            return PointGrid.ANY_TAG;
        }
        Integer tag = robotTags.get(robot.get());
        if (tag == null) {
            return null;
        }
        int wanted = tag;
        return t -> t == wanted;
    }
}
