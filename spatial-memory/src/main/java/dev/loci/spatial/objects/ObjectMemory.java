package dev.loci.spatial.objects;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.index.PointGrid;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The objects memory knows, fused from observations, with a spatial index over all classes and one per class.
 *
 * <p>An observation updates the nearest object of its class within the gate; failing that, an object of the
 * same identity (class and attributes) that memory believes missing or gone has moved there; failing that,
 * it is a new object. An object whose place is in view without it loses confidence and is eventually gone:
 * gone objects stay in memory with their history but leave the spatial index.
 *
 * <p>Durable state lives in the map the store hands in; the indexes are rebuilt from it on construction.
 * Changes run on the store's single writer thread; changed objects are written back in {@link #writeDirty()}
 * just before each commit, so an object seen 50 times in one commit window costs one map write, not 50.
 * A write-back also appends the object's version to a history keyed {id, time, version} when it matters for
 * time travel: a new object, a status change, or a move of more than {@link #HISTORY_RESOLUTION_METERS} since
 * the last recorded version. So the state of every object at a past time is reconstructed to within that
 * distance and one commit interval, without a history record for every millimetre a running mean drifts.
 * Queries may run on any thread.
 */
public final class ObjectMemory {
    private final NavigableMap<Long, RememberedObject> store;
    private final NavigableMap<long[], ObjectState> versions;
    /** Finer position changes than this are not worth a history record. */
    public static final double HISTORY_RESOLUTION_METERS = 0.05;
    /** The last version of each object written to the history (or loaded from the store on open). */
    private final Map<Long, ObjectState> lastRecorded = new HashMap<>();
    private final FusionSettings settings;
    private final ObjectTable objects = new ObjectTable();
    private final PointGrid allClasses;
    private final Map<String, PointGrid> byClass = new HashMap<>();
    /** Objects changed since the last write-back, with the sensor time of their latest change. */
    private final Map<Long, Timestamp> dirty = new LinkedHashMap<>();
    /** Objects missing or gone, by class: the candidates when an object turns up away from its place. */
    private final Map<String, Set<Long>> lostByClass = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long nextId;

    public ObjectMemory(NavigableMap<Long, RememberedObject> store, NavigableMap<long[], ObjectState> versions,
                        FusionSettings settings) {
        this.store = Require.present("store", store);
        this.versions = Require.present("versions", versions);
        this.settings = Require.present("settings", settings);
        this.allClasses = new PointGrid(settings.cellMeters());
        for (RememberedObject object : store.values()) {
            objects.put(object);
            if (object.status() != ObjectStatus.GONE) {
                index(object);
            }
            trackLost(object);
            lastRecorded.put(object.id(), ObjectState.of(object, object.lastSeen().time()));
        }
        this.nextId = store.isEmpty() ? 1 : store.lastKey() + 1;
    }

    /** Fuses {@code observation} into memory: an update, a move or a new object. */
    public FusionResult fuse(long observationId, Observation observation) {
        Vec3 seenAt = observation.box().center();
        lock.writeLock().lock();
        try {
            Optional<RememberedObject> match = nearestWithinGate(observation.label(), seenAt);
            if (match.isPresent()) {
                return new FusionResult(replace(match.get(), match.get().sighted(observationId, observation),
                    observation.time()), false);
            }
            Optional<RememberedObject> moved = lostWithSameIdentity(observation);
            if (moved.isPresent()) {
                return new FusionResult(replace(moved.get(), moved.get().movedTo(observationId, observation),
                        observation.time()), false);
            }
            RememberedObject created = RememberedObject.first(nextId++, observationId, observation);
            objects.put(created);
            index(created);
            dirty.put(created.id(), observation.time());
            return new FusionResult(created, true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A sensor at {@code sensorPose} looked and saw only {@code seen}: every other indexed object in its view
     * with a clear line of sight was missed. Returns the objects that changed.
     */
    public List<RememberedObject> missedInView(Pose sensorPose, FieldOfView view, Set<Long> seen,
                                               LineOfSight lineOfSight, Timestamp when) {
        List<RememberedObject> changed = new ArrayList<>();
        lock.writeLock().lock();
        try {
            for (long id : allClasses.within(sensorPose.position(), view.maxRange())) {
                RememberedObject object = objects.get(id);
                if (seen.contains(id) || !view.contains(sensorPose, object.position())
                        || !lineOfSight.clear(sensorPose.position(), object.position())) {
                    continue;
                }
                changed.add(replace(object, object.missed(settings.missFactor(), settings.goneBelow()), when));
            }
        } finally {
            lock.writeLock().unlock();
        }
        return changed;
    }

    /** Writes every object changed since the last call into the store map; call just before committing. */
    public int writeDirty() {
        lock.readLock().lock();
        try {
            for (Map.Entry<Long, Timestamp> change : dirty.entrySet()) {
                RememberedObject object = objects.get(change.getKey());
                store.put(object.id(), object);
                ObjectState previous = lastRecorded.get(object.id());
                if (previous == null || previous.status() != object.status()
                        || previous.position().distanceTo(object.position()) > HISTORY_RESOLUTION_METERS) {
                    ObjectState state = ObjectState.of(object, change.getValue());
                    versions.put(new long[] {object.id(), change.getValue().nanos(), object.version()}, state);
                    lastRecorded.put(object.id(), state);
                }
            }
            int written = dirty.size();
            dirty.clear();
            return written;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every object as memory believed it to be at {@code time}: the last version committed with a sensor time
     * at or before it. Objects first seen later are absent; gone ones are included with status GONE.
     */
    public List<ObjectState> stateAt(Timestamp time) {
        Require.present("time", time);
        List<ObjectState> states = new ArrayList<>();
        objects.forEach(object -> {
            long id = object.id();
            var earlier = versions.subMap(new long[] {id, Long.MIN_VALUE, Long.MIN_VALUE}, true,
                    new long[] {id, time.nanos(), Long.MAX_VALUE}, true);
            if (!earlier.isEmpty()) {
                states.add(earlier.lastEntry().getValue());
            }
        });
        return states;
    }

    /** Any object memory has known, gone ones included. */
    public Optional<RememberedObject> get(long id) {
        return Optional.ofNullable(objects.get(id));
    }

    /** Objects known, gone ones included. */
    public int size() {
        return objects.size();
    }

    /** Every object of a class that is not gone, by id. */
    public List<RememberedObject> ofClass(String label) {
        Require.label("label", label);
        lock.readLock().lock();
        try {
            PointGrid grid = byClass.get(label);
            return grid == null ? List.of() : sortedById(grid.ids());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Objects not gone whose position is within {@code radius} metres of {@code center}, nearest first. */
    public List<RememberedObject> within(Vec3 center, double radius) {
        Require.present("center", center);
        long[] ids;
        lock.readLock().lock();
        try {
            // Distances from the grid's copy of each position (the same doubles as the object's), under the lock.
            ids = allClasses.withinNearestFirst(center, radius);
        } finally {
            lock.readLock().unlock();
        }
        return resolve(ids);
    }

    /** Up to {@code k} objects of a class, not gone, nearest to {@code center} first. */
    public List<RememberedObject> nearestOfClass(Vec3 center, String label, int k) {
        Require.present("center", center);
        Require.label("label", label);
        long[] ids;
        lock.readLock().lock();
        try {
            PointGrid grid = byClass.get(label);
            ids = grid == null ? new long[0] : grid.nearest(center, k);
        } finally {
            lock.readLock().unlock();
        }
        return resolve(ids);
    }

    /** Up to {@code k} objects of any class, not gone, nearest to {@code center} first. */
    public List<RememberedObject> nearest(Vec3 center, int k) {
        Require.present("center", center);
        long[] ids;
        lock.readLock().lock();
        try {
            ids = allClasses.nearest(center, k);
        } finally {
            lock.readLock().unlock();
        }
        return resolve(ids);
    }

    /** The object of class {@code label}, not gone, seen most recently (ties: lowest id). */
    public Optional<RememberedObject> lastSeenOfClass(String label) {
        Require.label("label", label);
        long[] ids;
        lock.readLock().lock();
        try {
            PointGrid grid = byClass.get(label);
            ids = grid == null ? new long[0] : grid.ids();
        } finally {
            lock.readLock().unlock();
        }
        RememberedObject latest = null;
        for (long id : ids) {
            RememberedObject o = objects.get(id);
            if (o != null && (latest == null || o.lastSeen().time().compareTo(latest.lastSeen().time()) > 0
                    || o.lastSeen().time().equals(latest.lastSeen().time()) && o.id() < latest.id())) {
                latest = o;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Classes with at least one object that is not gone. */
    public List<String> classes() {
        lock.readLock().lock();
        try {
            List<String> classes = new ArrayList<>();
            new TreeMap<>(byClass).forEach((label, grid) -> {
                if (grid.size() > 0) {
                    classes.add(label);
                }
            });
            return classes;
        } finally {
            lock.readLock().unlock();
        }
    }

    private RememberedObject replace(RememberedObject old, RememberedObject updated, Timestamp when) {
        objects.put(updated);
        boolean wasIndexed = old.status() != ObjectStatus.GONE;
        boolean isIndexed = updated.status() != ObjectStatus.GONE;
        if (wasIndexed && isIndexed) {
            allClasses.move(updated.id(), old.position(), updated.position());
            byClass.get(updated.label()).move(updated.id(), old.position(), updated.position());
        } else if (wasIndexed) {
            allClasses.remove(old.id(), old.position());
            byClass.get(old.label()).remove(old.id(), old.position());
        } else if (isIndexed) {
            index(updated);
        }
        trackLost(updated);
        dirty.put(updated.id(), when);
        return updated;
    }

    private Optional<RememberedObject> nearestWithinGate(String label, Vec3 seenAt) {
        PointGrid grid = byClass.get(label);
        if (grid == null) {
            return Optional.empty();
        }
        RememberedObject nearest = null;
        double best = Double.MAX_VALUE;
        for (long id : grid.within(seenAt, settings.gateMeters())) {
            RememberedObject candidate = objects.get(id);
            double distance = candidate.position().distanceSquaredTo(seenAt);
            if (distance < best || (distance == best && candidate.id() < nearest.id())) {
                nearest = candidate;
                best = distance;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** The most recently seen object of the same identity that memory believes is no longer where it was. */
    private Optional<RememberedObject> lostWithSameIdentity(Observation observation) {
        RememberedObject best = null;
        for (Long id : lostByClass.getOrDefault(observation.label(), Set.of())) {
            RememberedObject object = objects.get(id);
            if (object.sameIdentityAs(observation)
                    && (best == null || object.lastSeen().time().compareTo(best.lastSeen().time()) > 0)) {
                best = object;
            }
        }
        return Optional.ofNullable(best);
    }

    private void trackLost(RememberedObject object) {
        if (object.status() == ObjectStatus.PRESENT) {
            Set<Long> lost = lostByClass.get(object.label());
            if (lost != null) {
                lost.remove(object.id());
            }
        } else {
            lostByClass.computeIfAbsent(object.label(), l -> new HashSet<>()).add(object.id());
        }
    }

    private void index(RememberedObject object) {
        allClasses.insert(object.id(), object.position());
        byClass.computeIfAbsent(object.label(), l -> new PointGrid(settings.cellMeters()))
                .insert(object.id(), object.position());
    }

    private List<RememberedObject> resolve(long[] ids) {
        List<RememberedObject> found = new ArrayList<>(ids.length);
        for (long id : ids) {
            RememberedObject object = objects.get(id);
            if (object != null) {
                found.add(object);
            }
        }
        return found;
    }

    private List<RememberedObject> sortedById(long[] ids) {
        Arrays.sort(ids);
        return resolve(ids);
    }
}
