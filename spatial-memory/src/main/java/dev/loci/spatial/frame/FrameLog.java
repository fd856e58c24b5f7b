package dev.loci.spatial.frame;

import dev.loci.spatial.validation.Require;
import java.util.NavigableMap;
import java.util.Optional;

/** Every stored frame by increasing id, in the map the store hands in. Appends come from the writer thread. */
public final class FrameLog {
    private final NavigableMap<Long, FrameRecord> store;
    private long nextId;

    public FrameLog(NavigableMap<Long, FrameRecord> store) {
        this.store = Require.present("store", store);
        this.nextId = store.isEmpty() ? 1 : store.lastKey() + 1;
    }

    /** Id the next frame will get. */
    public long nextId() {
        return nextId;
    }

    public FrameRecord append(FrameRecord frame) {
        if (frame.id() != nextId) {
            throw new IllegalArgumentException("frame id " + frame.id() + " is not the next id " + nextId);
        }
        store.put(frame.id(), frame);
        nextId++;
        return frame;
    }

    public Optional<FrameRecord> get(long id) {
        return Optional.ofNullable(store.get(id));
    }

    /** All frames, oldest first. */
    public Iterable<FrameRecord> all() {
        return store.values();
    }

    public long size() {
        return nextId - 1;
    }
}
