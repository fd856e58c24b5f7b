package dev.loci.spatial.observation;

import dev.loci.spatial.validation.Require;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Every raw observation as it came, under an increasing id. The map is the store's; ids continue after
 * reopen from the highest id present. Appends come from the store's single writer thread.
 */
public final class ObservationLog {
    private final NavigableMap<Long, Observation> store;
    private long nextId;

    public ObservationLog(NavigableMap<Long, Observation> store) {
        this.store = Require.present("store", store);
        this.nextId = store.isEmpty() ? 1 : store.lastKey() + 1;
    }

    /** Stores {@code observation} and returns its id. */
    public long append(Observation observation) {
        long id = nextId++;
        store.put(id, observation);
        return id;
    }

    public Optional<Observation> get(long id) {
        return Optional.ofNullable(store.get(id));
    }

    /** Number of observations stored. */
    public long size() {
        return store.isEmpty() ? 0 : store.size();
    }

    /** Id the next append will get. */
    public long nextId() {
        return nextId;
    }
}
