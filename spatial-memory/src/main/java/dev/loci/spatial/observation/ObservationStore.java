package dev.loci.spatial.observation;

import java.util.Optional;

/**
 * Where raw observations live: append-only, ids 1, 2, 3, ... in arrival order. The runtime's implementation is
 * a checksummed journal file (observations are the high-volume stream: appending them to a log is an order of
 * magnitude cheaper than a B-tree insert each); {@link InMemoryObservationStore} serves tests and tools.
 * Appends come from one writer thread; reads from any thread.
 */
public interface ObservationStore {
    /** Stores {@code observation} and returns its id. */
    long append(Observation observation);

    Optional<Observation> get(long id);

    /** Number of observations stored; their ids are 1 to this. */
    long size();

    /** Id the next append will get. */
    default long nextId() {
        return size() + 1;
    }

    /** Visits every observation in id order (to rebuild indexes on open). */
    void forEach(Visitor visitor);

    @FunctionalInterface
    interface Visitor {
        void visit(long id, Observation observation);
    }
}
