package dev.loci.spatial.observation;

import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Observations kept in memory only: for tests, tools and benchmarks that need no durability. Appends are
 * amortised O(1) (a copy-on-write list would copy everything on every append).
 */
public final class InMemoryObservationStore implements ObservationStore {
    private final List<Observation> observations = new ArrayList<>();

    @Override
    public synchronized long append(Observation observation) {
        observations.add(Require.present("observation", observation));
        return observations.size();
    }

    @Override
    public synchronized Optional<Observation> get(long id) {
        return id >= 1 && id <= observations.size() ? Optional.of(observations.get((int) id - 1)) : Optional.empty();
    }

    @Override
    public synchronized long size() {
        return observations.size();
    }

    @Override
    public void forEach(Visitor visitor) {
        List<Observation> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(observations);
        }
        for (int i = 0; i < snapshot.size(); i++) {
            visitor.visit(i + 1, snapshot.get(i));
        }
    }
}
