package dev.loci.episodic.event;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Append-only, time-indexed event history, kept in maps the store hands in.
 *
 * <ul>
 *   <li>{@code byRobotTime}: key {robotKey, timeNanos, id} -> event. A robot's time window is one contiguous
 *       range scan, which is what controllers and planners ask most.</li>
 *   <li>{@code byTime}: key {timeNanos, id} -> robotKey, for windows across all robots.</li>
 *   <li>{@code counters}: the next id, written before each commit.</li>
 * </ul>
 * robotKey is a 64-bit hash of the robot's name; results are still filtered by name, so even a hash
 * collision could not mix two robots' histories. Appends come from the store's single writer thread.
 */
public final class EventLog {
    private static final String NEXT_ID = "events.nextId";

    private final NavigableMap<long[], Event> byRobotTime;
    private final NavigableMap<long[], Long> byTime;
    private final Map<String, Long> counters;
    private long nextId;

    public EventLog(NavigableMap<long[], Event> byRobotTime, NavigableMap<long[], Long> byTime,
                    Map<String, Long> counters) {
        this.byRobotTime = Require.present("byRobotTime", byRobotTime);
        this.byTime = Require.present("byTime", byTime);
        this.counters = Require.present("counters", counters);
        this.nextId = counters.getOrDefault(NEXT_ID, 1L);
    }

    public StoredEvent append(Event event) {
        Require.present("event", event);
        long id = nextId++;
        long robotKey = robotKey(event.robot());
        long time = event.time().nanos();
        byRobotTime.put(new long[] {robotKey, time, id}, event);
        byTime.put(new long[] {time, id}, robotKey);
        return new StoredEvent(id, event);
    }

    /** Persists the id counter; call just before committing. */
    public void beforeCommit() {
        counters.put(NEXT_ID, nextId);
    }

    public List<StoredEvent> query(EventQuery query) {
        Require.present("query", query);
        List<StoredEvent> found = new ArrayList<>();
        long from = query.from().nanos();
        long to = query.to().nanos();
        if (query.robot().isPresent()) {
            long key = robotKey(query.robot().get());
            var range = byRobotTime.subMap(new long[] {key, from, Long.MIN_VALUE}, true,
                    new long[] {key, to, Long.MAX_VALUE}, true);
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
        var range = byTime.subMap(new long[] {from, Long.MIN_VALUE}, true, new long[] {to, Long.MAX_VALUE}, true);
        for (Map.Entry<long[], Long> entry : range.entrySet()) {
            long[] key = entry.getKey();
            Event event = byRobotTime.get(new long[] {entry.getValue(), key[0], key[1]});
            if (event != null && query.accepts(event)) {
                found.add(new StoredEvent(key[1], event));
                if (found.size() == query.limit()) {
                    break;
                }
            }
        }
        return found;
    }

    /** Number of events logged. */
    public long size() {
        return nextId - 1;
    }

    /** FNV-1a over the UTF-8 name: stable across JVMs and releases, which String.hashCode need not be. */
    static long robotKey(RobotId robot) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : robot.name().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
