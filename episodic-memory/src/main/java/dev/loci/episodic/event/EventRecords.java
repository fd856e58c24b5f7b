package dev.loci.episodic.event;

import dev.loci.spatial.validation.Require;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where an {@link EventLog} keeps its events durably, keyed {robotKey, time, id}: written through on every
 * change and read back once, when the log opens (every read after that uses the log's in-memory copy). The
 * runtime's store keeps them in an append-only journal; {@link #of} keeps them in a map.
 */
public interface EventRecords {
    /** Stores or replaces the event under {@code key}. */
    void put(long[] key, Event event);

    /** Removes the event under {@code key}, if there is one. */
    void remove(long[] key);

    /** Every stored event, in key order, as a map the caller owns from now on. Called once per open. */
    ConcurrentSkipListMap<long[], Event> load();

    /** Events kept in {@code map} (tests, tools); {@link #load} copies it. */
    static EventRecords of(NavigableMap<long[], Event> map) {
        Require.present("map", map);
        return new EventRecords() {
            @Override
            public void put(long[] key, Event event) {
                map.put(key, event);
            }

            @Override
            public void remove(long[] key) {
                map.remove(key);
            }

            @Override
            public ConcurrentSkipListMap<long[], Event> load() {
                ConcurrentSkipListMap<long[], Event> copy = new ConcurrentSkipListMap<>(EventKeys.ORDER);
                copy.putAll(map);
                return copy;
            }
        };
    }
}
