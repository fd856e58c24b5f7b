package dev.loci.spatial.objects;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.index.PointGrid;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The objects memory knows, fused from observations, with a spatial index over all classes and one per class.
 *
 * <p>Durable state lives in the map the store hands in; the indexes are rebuilt from it on construction.
 * Fusion runs on the store's single writer thread; changed objects are written back in {@link #writeDirty()}
 * just before each commit, so an object seen 50 times in one commit window costs one map write, not 50.
 * Queries may run on any thread.
 */
public final class ObjectMemory {
    private final NavigableMap<Long, RememberedObject> store;
    private final FusionSettings settings;
    private final Map<Long, RememberedObject> objects = new ConcurrentHashMap<>();
    private final PointGrid allClasses;
    private final Map<String, PointGrid> byClass = new HashMap<>();
    private final Set<Long> dirty = new LinkedHashSet<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long nextId;

    public ObjectMemory(NavigableMap<Long, RememberedObject> store, FusionSettings settings) {
        this.store = Require.present("store", store);
        this.settings = Require.present("settings", settings);
        this.allClasses = new PointGrid(settings.cellMeters());
        for (RememberedObject object : store.values()) {
            index(object);
        }
        this.nextId = store.isEmpty() ? 1 : store.lastKey() + 1;
    }

    /** Gates {@code observation} to the nearest known object of its class, or creates a new object. */
    public FusionResult fuse(long observationId, Observation observation) {
        Vec3 seenAt = observation.box().center();
        lock.writeLock().lock();
        try {
            Optional<RememberedObject> match = nearestWithinGate(observation.label(), seenAt);
            if (match.isEmpty()) {
                RememberedObject created = new RememberedObject(nextId++, observation.label(), seenAt,
                        observation.box().size(), seenAt, 1, observation.confidence(), observation.attributes(),
                        observation.provenance(), observation.provenance(), observationId, 1);
                index(created);
                dirty.add(created.id());
                return new FusionResult(created, true);
            }
            RememberedObject old = match.get();
            RememberedObject updated = merge(old, observationId, observation, seenAt);
            objects.put(updated.id(), updated);
            allClasses.move(updated.id(), old.position(), updated.position());
            byClass.get(updated.label()).move(updated.id(), old.position(), updated.position());
            dirty.add(updated.id());
            return new FusionResult(updated, false);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes every object changed since the last call into the store map; call just before committing. */
    public int writeDirty() {
        lock.readLock().lock();
        try {
            for (Long id : dirty) {
                store.put(id, objects.get(id));
            }
            int written = dirty.size();
            dirty.clear();
            return written;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<RememberedObject> get(long id) {
        return Optional.ofNullable(objects.get(id));
    }

    public int size() {
        return objects.size();
    }

    /** Every object of a class, by id. */
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

    /** Objects whose position is within {@code radius} metres of {@code center}, nearest first. */
    public List<RememberedObject> within(Vec3 center, double radius) {
        Require.present("center", center);
        long[] ids;
        lock.readLock().lock();
        try {
            ids = allClasses.within(center, radius);
        } finally {
            lock.readLock().unlock();
        }
        List<RememberedObject> found = resolve(ids);
        found.sort(Comparator.comparingDouble((RememberedObject o) -> o.position().distanceSquaredTo(center))
                .thenComparingLong(RememberedObject::id));
        return found;
    }

    /** Up to {@code k} objects of a class nearest to {@code center}, nearest first. */
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

    /** Up to {@code k} objects of any class nearest to {@code center}, nearest first. */
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

    public List<String> classes() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(new TreeMap<>(byClass).keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    private Optional<RememberedObject> nearestWithinGate(String label, Vec3 seenAt) {
        PointGrid grid = byClass.get(label);
        if (grid == null) {
            return Optional.empty();
        }
        long[] nearest = grid.nearest(seenAt, 1);
        if (nearest.length == 0) {
            return Optional.empty();
        }
        RememberedObject candidate = objects.get(nearest[0]);
        return candidate.position().distanceTo(seenAt) <= settings.gateMeters()
                ? Optional.of(candidate) : Optional.empty();
    }

    private static RememberedObject merge(RememberedObject old, long observationId, Observation observation,
                                          Vec3 seenAt) {
        long count = old.observationCount() + 1;
        double weight = 1.0 / count;
        Vec3 position = old.position().plus(seenAt.minus(old.position()).times(weight));
        Vec3 size = old.size().plus(observation.box().size().minus(old.size()).times(weight));
        double confidence = old.confidence() + (observation.confidence() - old.confidence()) * weight;
        TreeMap<String, String> attributes = new TreeMap<>(old.attributes());
        attributes.putAll(observation.attributes());
        if (attributes.size() > Require.MAX_ATTRIBUTES) {
            attributes = new TreeMap<>(observation.attributes());
        }
        return new RememberedObject(old.id(), old.label(), position, size, seenAt, count,
                Math.min(1, Math.max(0, confidence)), attributes, old.firstSeen(), observation.provenance(),
                observationId, old.version() + 1);
    }

    private void index(RememberedObject object) {
        objects.put(object.id(), object);
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
        java.util.Arrays.sort(ids);
        return resolve(ids);
    }
}
