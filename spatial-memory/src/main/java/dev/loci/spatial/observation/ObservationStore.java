package dev.loci.spatial.observation;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
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

    /**
     * Visits the observations from id {@code from} on, in id order, with only what the in-memory index keeps of
     * each (to rebuild it on open). A store may decode less than whole observations here: this is the bulk of
     * the work of reopening a large memory.
     */
    default void forEachPlacement(long from, PlacementVisitor visitor) {
        forEach((id, observation) -> {
            if (id >= from) {
                visitor.visit(id, observation.robot(), observation.label(), observation.box().center());
            }
        });
    }

    @FunctionalInterface
    interface Visitor {
        void visit(long id, Observation observation);
    }

    /** Where an observation was seen, of what class, by which robot: what {@link ObservationIndex} keeps. */
    @FunctionalInterface
    interface PlacementVisitor {
        void visit(long id, RobotId robot, String label, Vec3 at);
    }
}
