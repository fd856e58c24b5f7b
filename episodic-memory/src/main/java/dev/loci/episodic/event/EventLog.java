package dev.loci.episodic.event;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Append-only, time-indexed event history. The events are kept durably in the {@link EventRecords} the store
 * hands in ({@link EventMaps}), written through on every change; everything a query reads is in memory, loaded
 * once when the log opens:
 *
 * <ul>
 *   <li>byRobotTime: {robotKey, time, id} -> event. A robot's time window is one contiguous range scan,
 *       which is what controllers and planners ask most.</li>
 *   <li>byTime: {time, id} -> robotKey, for windows across all robots.</li>
 *   <li>byPlace: {cellKey, time, id} -> robotKey over a {@link #PLACE_CELL_METERS} grid of event places.</li>
 *   <li>byObject: {objectId, time, id} -> robotKey for each object an event involves.</li>
 * </ul>
 * robotKey is a 64-bit hash of the robot's name; results are still filtered by name, so even a hash
 * collision could not mix two robots' histories. Appends come from the store's single writer thread.
 *
 * <p>The three secondary indexes are derived from the events alone, so they are not stored: keeping them as
 * MapDB B-trees cost three B-tree updates per event (a third of the writer's time when recording events), and
 * rebuilding them on open costs three in-memory inserts per event. Forgetting and consolidation remove events
 * from all of them.
 */
public final class EventLog {
    public static final double PLACE_CELL_METERS = 2.0;
    private static final String NEXT_ID = "events.nextId";
    private static final long CELL_OFFSET = 1L << 30;

    private final EventMaps maps;
    /** byRobotTime in memory: what every read uses. */
    private final NavigableMap<long[], Event> byRobotTime;
    private final NavigableMap<long[], Long> byTime;
    private final NavigableMap<long[], Long> byPlace;
    private final NavigableMap<long[], Long> byObject;
    private long nextId;

    public EventLog(EventMaps maps) {
        this.maps = Require.present("maps", maps);
        this.nextId = maps.counters().getOrDefault(NEXT_ID, 1L);
        this.byRobotTime = maps.events().load();
        // The indexes are built in their own order with primitive sorts (LoadOrder), one boxed robot key per run
        // of a robot's events: sorting entry objects with a comparator was most of building them, and the
        // entry lists were garbage. The final sort in EventKeys.sortedMap then finds them in order.
        int n = byRobotTime.size();
        long[] times = new long[n];
        long[] ids = new long[n];
        Long[] robots = new Long[n];
        Event[] events = new Event[n];
        int count = 0;
        Long robotKey = null;
        for (Map.Entry<long[], Event> entry : byRobotTime.entrySet()) {
            long[] key = entry.getKey();
            if (robotKey == null || robotKey != key[0]) {
                robotKey = key[0];
            }
            times[count] = key[1];
            ids[count] = key[2];
            robots[count] = robotKey;
            events[count] = entry.getValue();
            count++;
        }
        int[] byTimeOrder = LoadOrder.stableByKey(times, LoadOrder.stableByKey(ids, LoadOrder.identity(count)));
        Entries timeEntries = new Entries(count);
        int pairs = 0;
        int placed = 0;
        for (int j : byTimeOrder) {
            timeEntries.add(timeKey(times[j], ids[j]), robots[j]);
            pairs += events[j].objects().size();
            placed += events[j].place().isPresent() ? 1 : 0;
        }
        long[] cells = new long[placed];
        int[] cellEvents = new int[placed];
        long[] objects = new long[pairs];
        int[] objectEvents = new int[pairs];
        placed = 0;
        pairs = 0;
        for (int j : byTimeOrder) { // prefixes in time order: a stable sort by prefix gives {prefix, time, id}
            Event event = events[j];
            if (event.place().isPresent()) {
                Vec3 p = event.place().get();
                cells[placed] = cellKey(cell(p.x()), cell(p.y()));
                cellEvents[placed++] = j;
            }
            for (long object : event.objects()) {
                objects[pairs] = object;
                objectEvents[pairs++] = j;
            }
        }
        Entries placeEntries = new Entries(placed);
        for (int k : LoadOrder.stableByKey(cells, LoadOrder.identity(placed))) {
            int j = cellEvents[k];
            placeEntries.add(new long[] {cells[k], times[j], ids[j]}, robots[j]);
        }
        Entries objectEntries = new Entries(pairs);
        for (int k : LoadOrder.stableByKey(objects, LoadOrder.identity(pairs))) {
            int j = objectEvents[k];
            objectEntries.add(objectKey(objects[k], times[j], ids[j]), robots[j]);
        }
        this.byTime = timeEntries.sorted();
        this.byPlace = placeEntries.sorted();
        this.byObject = objectEntries.sorted();
    }

    /** Index entries gathered while loading, to be sorted once into an index. */
    private static final class Entries {
        private final Map.Entry<long[], Long>[] entries;
        private int count;

        @SuppressWarnings("unchecked")
        Entries(int capacity) {
            entries = new Map.Entry[capacity];
        }

        void add(long[] key, Long robotKey) {
            entries[count++] = Map.entry(key, robotKey);
        }

        NavigableMap<long[], Long> sorted() {
            return EventKeys.sortedMap(entries, count);
        }
    }

    private static long[] timeKey(long time, long id) {
        return new long[] {time, id};
    }

    private static long[] placeKey(Vec3 place, long time, long id) {
        return new long[] {cellKey(cell(place.x()), cell(place.y())), time, id};
    }

    private static long[] objectKey(long object, long time, long id) {
        return new long[] {object, time, id};
    }

    public StoredEvent append(Event event) {
        Require.present("event", event);
        long id = nextId++;
        long robotKey = event.robot().key();
        long time = event.time().nanos();
        long[] key = {robotKey, time, id};
        maps.events().put(key, event);
        byRobotTime.put(key, event);
        index(event, time, id);
        return new StoredEvent(id, event);
    }

    private void index(Event event, long time, long id) {
        Long robotKey = event.robot().key();
        byTime.put(timeKey(time, id), robotKey);
        if (event.place().isPresent()) {
            byPlace.put(placeKey(event.place().get(), time, id), robotKey);
        }
        for (long object : event.objects()) {
            byObject.put(objectKey(object, time, id), robotKey);
        }
    }

    /** Persists the id counter; call just before committing. */
    public void beforeCommit() {
        maps.counters().put(NEXT_ID, nextId);
    }

    public List<StoredEvent> query(EventQuery query) {
        Require.present("query", query);
        if (query.object().isPresent()) {
            return viaIndex(List.of(query.object().get()), byObject, query);
        }
        if (query.near().isPresent()) {
            return viaIndex(cellsNear(query.near().get()), byPlace, query);
        }
        if (query.robot().isPresent()) {
            return ofOneRobot(query);
        }
        return viaIndex(null, byTime, query);
    }

    /**
     * Merges runs of redundant events in {@code [from, to]} (see {@link ConsolidationPolicy}): the first event
     * of a run stays, under its own id, with attributes {@code merged} (how many events it stands for),
     * {@code until} (the last one's time, ns) and {@code derived_from} (their id range), so provenance survives;
     * the others are removed from every index. Runs on the writer thread; the caller logs and commits it.
     */
    public ConsolidationReport consolidate(dev.loci.spatial.provenance.Timestamp from,
                                           dev.loci.spatial.provenance.Timestamp to, ConsolidationPolicy policy) {
        Require.present("policy", policy);
        List<StoredEvent> window = query(EventQuery.window(from, to));
        Map<RobotId, List<StoredEvent>> byRobot = new TreeMap<>();
        for (StoredEvent e : window) {
            byRobot.computeIfAbsent(e.event().robot(), r -> new ArrayList<>()).add(e);
        }
        long runs = 0;
        long merged = 0;
        for (List<StoredEvent> events : byRobot.values()) {
            int start = 0;
            while (start < events.size()) {
                int end = start + 1;
                while (end < events.size() && policy.redundant(events.get(end - 1).event(), events.get(end).event())) {
                    end++;
                }
                if (end - start > 1) {
                    mergeRun(events.subList(start, end));
                    runs++;
                    merged += end - start - 1;
                }
                start = end;
            }
        }
        return new ConsolidationReport(window.size(), runs, merged);
    }

    private void mergeRun(List<StoredEvent> run) {
        StoredEvent first = run.get(0);
        StoredEvent last = run.get(run.size() - 1);
        long alreadyMerged = 0;
        for (StoredEvent e : run) {
            alreadyMerged += Long.parseLong(e.event().attributes().getOrDefault("merged", "1"));
        }
        TreeMap<String, String> attributes = new TreeMap<>(first.event().attributes());
        attributes.put("merged", Long.toString(alreadyMerged));
        attributes.put("until", last.event().attributes().getOrDefault("until",
                Long.toString(last.event().time().nanos())));
        attributes.put("derived_from", first.id() + "-" + last.id());
        if (attributes.size() > Require.MAX_ATTRIBUTES) {
            return; // no room to record provenance: leave the run as it is rather than lose it
        }
        Event kept = first.event().withAttributes(attributes);
        long robotKey = kept.robot().key();
        long[] key = {robotKey, kept.time().nanos(), first.id()};
        maps.events().put(key, kept);
        byRobotTime.put(key, kept);
        for (StoredEvent gone : run.subList(1, run.size())) {
            remove(gone);
        }
    }

    /**
     * Removes one event from every index (forgetting its detail); returns whether it was there. Runs on the
     * writer thread; the caller decides, logs and commits.
     */
    public boolean forget(RobotId robot, long time, long id) {
        Optional<Event> event = get(robot, time, id);
        event.ifPresent(e -> remove(new StoredEvent(id, e)));
        return event.isPresent();
    }

    private void remove(StoredEvent stored) {
        Event event = stored.event();
        long time = event.time().nanos();
        long[] key = {event.robot().key(), time, stored.id()};
        maps.events().remove(key);
        byRobotTime.remove(key);
        byTime.remove(timeKey(time, stored.id()));
        event.place().ifPresent(p -> byPlace.remove(placeKey(p, time, stored.id())));
        for (long object : event.objects()) {
            byObject.remove(objectKey(object, time, stored.id()));
        }
    }

    /** The event with {@code id}, if it was logged at {@code time} by {@code robot} (ids alone are not keys). */
    public Optional<Event> get(RobotId robot, long time, long id) {
        return Optional.ofNullable(byRobotTime.get(new long[] {robot.key(), time, id}));
    }

    /** Number of events ever logged (consolidation merges events but does not reuse their ids). */
    public long size() {
        return nextId - 1;
    }

    private List<StoredEvent> ofOneRobot(EventQuery query) {
        List<StoredEvent> found = new ArrayList<>();
        long key = query.robot().get().key();
        var range = byRobotTime.subMap(new long[] {key, query.from().nanos(), Long.MIN_VALUE}, true,
                new long[] {key, query.to().nanos(), Long.MAX_VALUE}, true);
        for (Map.Entry<long[], Event> entry : range.entrySet()) {
            if (query.accepts(entry.getValue())) {
                found.add(new StoredEvent(entry.getKey()[2], entry.getValue()));
                if (found.size() == query.limit()) {
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Scans a secondary index whose keys end in {time, id}, with {@code prefixes} as the leading key part (or
     * no prefix for byTime), resolves each hit in byRobotTime and keeps what the query accepts, oldest first.
     */
    private List<StoredEvent> viaIndex(List<Long> prefixes, NavigableMap<long[], Long> index, EventQuery query) {
        List<StoredEvent> found = new ArrayList<>();
        for (Long prefix : prefixes == null ? Collections.<Long>singletonList(null) : prefixes) {
            long[] from = prefix == null ? new long[] {query.from().nanos(), Long.MIN_VALUE}
                    : new long[] {prefix, query.from().nanos(), Long.MIN_VALUE};
            long[] to = prefix == null ? new long[] {query.to().nanos(), Long.MAX_VALUE}
                    : new long[] {prefix, query.to().nanos(), Long.MAX_VALUE};
            int accepted = 0;
            for (Map.Entry<long[], Long> entry : index.subMap(from, true, to, true).entrySet()) {
                long[] key = entry.getKey();
                long time = key[key.length - 2];
                long id = key[key.length - 1];
                Event event = byRobotTime.get(new long[] {entry.getValue(), time, id});
                if (event != null && query.accepts(event)) {
                    found.add(new StoredEvent(id, event));
                    if (++accepted == query.limit()) {
                        break;
                    }
                }
            }
        }
        if (prefixes != null && prefixes.size() > 1) {
            found.sort(Comparator.comparingLong((StoredEvent e) -> e.event().time().nanos())
                    .thenComparingLong(StoredEvent::id));
        }
        return found.size() > query.limit() ? new ArrayList<>(found.subList(0, query.limit())) : found;
    }

    private static List<Long> cellsNear(EventQuery.Near near) {
        List<Long> cells = new ArrayList<>();
        Vec3 c = near.center();
        double r = near.radius();
        for (long x = cell(c.x() - r); x <= cell(c.x() + r); x++) {
            for (long y = cell(c.y() - r); y <= cell(c.y() + r); y++) {
                cells.add(cellKey(x, y));
            }
        }
        return cells;
    }

    private static long cell(double coordinate) {
        return (long) Math.floor(coordinate / PLACE_CELL_METERS);
    }

    private static long cellKey(long x, long y) {
        return ((x + CELL_OFFSET) << 32) | ((y + CELL_OFFSET) & 0xffffffffL);
    }
}
