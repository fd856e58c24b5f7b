package dev.loci.runtime.embodiment;

import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every robot's current profile, versioned. Fleets are small (tens of robots), so all profiles are cached in
 * memory for lock-free reads; the store map is the durable copy. Updates come from the store's writer thread.
 */
public final class ProfileBook {
    private final Map<String, Versioned<RobotProfile>> store;
    private final Map<RobotId, Versioned<RobotProfile>> current = new ConcurrentHashMap<>();

    public ProfileBook(Map<String, Versioned<RobotProfile>> store) {
        this.store = Require.present("store", store);
        for (Versioned<RobotProfile> profile : store.values()) {
            current.put(profile.value().id(), profile);
        }
    }

    /** Stores {@code profile} as the robot's next version. */
    public Versioned<RobotProfile> update(RobotProfile profile, Provenance by) {
        Versioned<RobotProfile> previous = current.get(profile.id());
        Versioned<RobotProfile> next = previous == null ? new Versioned<>(profile, 1, by) : previous.next(profile, by);
        store.put(profile.id().name(), next);
        current.put(profile.id(), next);
        return next;
    }

    public Optional<Versioned<RobotProfile>> get(RobotId robot) {
        return Optional.ofNullable(current.get(robot));
    }

    /** All profiles, by robot name. */
    public List<Versioned<RobotProfile>> all() {
        List<Versioned<RobotProfile>> all = new ArrayList<>(current.values());
        all.sort(Comparator.comparing(v -> v.value().id()));
        return all;
    }
}
