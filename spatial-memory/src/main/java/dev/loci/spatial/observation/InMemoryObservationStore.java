package dev.loci.spatial.observation;

import dev.loci.spatial.validation.Require;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observations kept in memory only: for tests and tools that need no durability. */
public final class InMemoryObservationStore implements ObservationStore {
    private final CopyOnWriteArrayList<Observation> observations = new CopyOnWriteArrayList<>();

    @Override
    public long append(Observation observation) {
        observations.add(Require.present("observation", observation));
        return observations.size();
    }

    @Override
    public Optional<Observation> get(long id) {
        return id >= 1 && id <= observations.size() ? Optional.of(observations.get((int) id - 1)) : Optional.empty();
    }

    @Override
    public long size() {
        return observations.size();
    }

    @Override
    public void forEach(Visitor visitor) {
        for (int i = 0; i < observations.size(); i++) {
            visitor.visit(i + 1, observations.get(i));
        }
    }
}
