package dev.loci.episodic.event;

import java.util.Map;
import java.util.NavigableMap;

/** The maps an {@link EventLog} keeps its data in (see there for the key layouts); the store provides them. */
public record EventMaps(
        NavigableMap<long[], Event> byRobotTime,
        NavigableMap<long[], Long> byTime,
        NavigableMap<long[], Long> byPlace,
        NavigableMap<long[], Long> byObject,
        Map<String, Long> counters) {

    /** In-memory maps ordered like the store's, for tests and tools. */
    public static EventMaps inMemory() {
        return new EventMaps(sorted(), sorted(), sorted(), sorted(), new java.util.concurrent.ConcurrentHashMap<>());
    }

    private static <V> NavigableMap<long[], V> sorted() {
        return new java.util.concurrent.ConcurrentSkipListMap<>(java.util.Arrays::compare);
    }

    public EventMaps {
        dev.loci.spatial.validation.Require.present("byRobotTime", byRobotTime);
        dev.loci.spatial.validation.Require.present("byTime", byTime);
        dev.loci.spatial.validation.Require.present("byPlace", byPlace);
        dev.loci.spatial.validation.Require.present("byObject", byObject);
        dev.loci.spatial.validation.Require.present("counters", counters);
    }
}
