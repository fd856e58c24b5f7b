package dev.loci.episodic.event;

import dev.loci.spatial.validation.Require;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where an {@link EventLog} keeps its durable state; the store provides it. The events themselves are
 * {@link EventRecords}; the counters hold the next event id. The log's indexes (by time, place and object) are
 * in memory only, rebuilt from the events when the log opens.
 */
public record EventMaps(EventRecords events, Map<String, Long> counters) {

    /** In-memory maps ordered like the store's, for tests and tools. */
    public static EventMaps inMemory() {
        return new EventMaps(EventRecords.of(new ConcurrentSkipListMap<>(EventKeys.ORDER)),
                new ConcurrentHashMap<>());
    }

    public EventMaps {
        Require.present("events", events);
        Require.present("counters", counters);
    }
}
