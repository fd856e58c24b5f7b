package dev.loci.episodic.chunk;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.segment.AttributeKeys;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run of one robot's events (or of its chunks) holds, accumulated one at a time: span, places, objects,
 * tasks, actions and outcomes. The source of chunk fields and of summary text. Deterministic: lists come out
 * most frequent first, ties in order of first appearance.
 */
public final class Digest {
    static final int MAX_ACTIONS = 16;
    private static final int MAX_OUTCOME_CHARS = 160;

    private final AttributeKeys keys;
    private RobotId robot;
    private Timestamp start;
    private Timestamp end;
    private int events;
    private int chunks;
    private long firstEventId = Long.MAX_VALUE;
    private long lastEventId = Long.MIN_VALUE;
    private int placed;
    private double sumX;
    private double sumY;
    private double sumZ;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double minZ = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;
    private double maxZ = Double.NEGATIVE_INFINITY;
    private final Map<String, Integer> places = new LinkedHashMap<>();
    private final Map<Long, Integer> objects = new LinkedHashMap<>();
    private final Set<String> tasks = new LinkedHashSet<>();
    private final Set<String> actions = new LinkedHashSet<>();
    private int actionCount;
    private final List<String> outcomes = new ArrayList<>();
    private String session;

    public Digest(AttributeKeys keys) {
        this.keys = Require.present("keys", keys);
    }

    public Digest add(StoredEvent stored) {
        Require.present("event", stored);
        Event event = stored.event();
        span(event.robot(), event.time(), event.time(), stored.id(), stored.id());
        events++;
        event.place().ifPresent(p -> place(p, p, p, 1));
        for (String name : keys.placeNames(event)) {
            places.merge(name, 1, Integer::sum);
        }
        for (Long object : event.objects()) {
            objects.merge(object, 1, Integer::sum);
        }
        Optional<String> task = keys.task(event);
        task.ifPresent(tasks::add);
        if (session == null) {
            session = keys.session(event).orElse(null);
        }
        if (event.type() == EventType.ACTION) {
            actionCount++;
            if (actions.size() < MAX_ACTIONS) {
                actions.add(event.description());
            }
        } else if (event.type() == EventType.TASK_FINISHED) {
            outcome("finished " + task.orElse(event.description()));
        } else if (event.type() == EventType.TASK_FAILED) {
            outcome("failed " + task.orElse("task") + " (" + event.description() + ")");
        }
        return this;
    }

    /** Merges a member chunk: its span, places (weighted by its events), objects, tasks and outcomes. */
    public Digest add(Chunk chunk) {
        Require.present("chunk", chunk);
        span(chunk.robot(), chunk.start(), chunk.end(), chunk.firstEventId(), chunk.lastEventId());
        events += chunk.eventCount();
        chunks++;
        if (chunk.placedEvents() > 0) {
            place(chunk.centroid().get(), chunk.bounds().get().min(), chunk.bounds().get().max(),
                    chunk.placedEvents());
        }
        for (String name : chunk.places()) {
            places.merge(name, chunk.eventCount(), Integer::sum);
        }
        for (Long object : chunk.objects()) {
            objects.merge(object, 1, Integer::sum);
        }
        tasks.addAll(chunk.tasks());
        chunk.outcomes().forEach(this::outcome);
        return this;
    }

    private void span(RobotId who, Timestamp from, Timestamp to, long firstId, long lastId) {
        if (robot == null) {
            robot = who;
        } else if (!robot.equals(who)) {
            throw new InvalidValueException("robot", who, "differs from this digest's robot " + robot);
        }
        start = start == null || from.isBefore(start) ? from : start;
        end = end == null || end.isBefore(to) ? to : end;
        firstEventId = Math.min(firstEventId, firstId);
        lastEventId = Math.max(lastEventId, lastId);
    }

    private void place(Vec3 mean, Vec3 low, Vec3 high, int weight) {
        placed += weight;
        sumX += mean.x() * weight;
        sumY += mean.y() * weight;
        sumZ += mean.z() * weight;
        minX = Math.min(minX, low.x());
        minY = Math.min(minY, low.y());
        minZ = Math.min(minZ, low.z());
        maxX = Math.max(maxX, high.x());
        maxY = Math.max(maxY, high.y());
        maxZ = Math.max(maxZ, high.z());
    }

    private void outcome(String text) {
        String bounded = text.length() > MAX_OUTCOME_CHARS ? text.substring(0, MAX_OUTCOME_CHARS - 3) + "..." : text;
        if (outcomes.size() < Chunk.MAX_NAMES) {
            outcomes.add(bounded);
        } else {
            // Keep the latest outcomes: they say how the chunk ended.
            outcomes.remove(0);
            outcomes.add(bounded);
        }
    }

    public boolean isEmpty() {
        return events == 0;
    }

    public RobotId robot() {
        return robot;
    }

    public Timestamp start() {
        return start;
    }

    public Timestamp end() {
        return end;
    }

    public int events() {
        return events;
    }

    /** Member chunks merged in (0 for a digest of events). */
    public int chunks() {
        return chunks;
    }

    public long firstEventId() {
        return firstEventId;
    }

    public long lastEventId() {
        return lastEventId;
    }

    public int placedEvents() {
        return placed;
    }

    public Optional<Vec3> centroid() {
        return placed == 0 ? Optional.empty() : Optional.of(new Vec3(sumX / placed, sumY / placed, sumZ / placed));
    }

    public Optional<Aabb> bounds() {
        return placed == 0 ? Optional.empty()
                : Optional.of(new Aabb(new Vec3(minX, minY, minZ), new Vec3(maxX, maxY, maxZ)));
    }

    /** Place names, most frequent first, at most {@code limit}. */
    public List<String> places(int limit) {
        return ranked(places, limit);
    }

    /** Object ids, most frequent first, at most {@code limit}. */
    public List<Long> objects(int limit) {
        return ranked(objects, limit);
    }

    public int distinctObjects() {
        return objects.size();
    }

    public List<String> tasks(int limit) {
        return tasks.stream().limit(limit).toList();
    }

    public int taskCount() {
        return tasks.size();
    }

    /** Distinct action descriptions in order, at most {@link #MAX_ACTIONS}. */
    public List<String> actions() {
        return List.copyOf(actions);
    }

    public int actionCount() {
        return actionCount;
    }

    public List<String> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The first session attribute seen, if any. */
    public Optional<String> session() {
        return Optional.ofNullable(session);
    }

    private static <K> List<K> ranked(Map<K, Integer> counts, int limit) {
        List<Map.Entry<K, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<K, Integer>comparingByValue(Comparator.reverseOrder())); // stable: ties keep order
        List<K> ranked = new ArrayList<>(Math.min(limit, entries.size()));
        for (int i = 0; i < entries.size() && i < limit; i++) {
            ranked.add(entries.get(i).getKey());
        }
        return ranked;
    }
}
