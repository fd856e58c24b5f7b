package dev.loci.runtime.embodiment;

import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every robot's current profile, versioned. Fleets are small (tens of robots), so all profiles are cached in
 * memory for lock-free reads; the store map is the durable copy, and every version also goes to a history
 * keyed {robotKey, heartbeat time, version} for time travel. Updates come from the store's writer thread.
 */
public final class ProfileBook {
    private final Map<String, Versioned<RobotProfile>> store;
    private final NavigableMap<long[], Versioned<RobotProfile>> history;
    private final Map<RobotId, Versioned<RobotProfile>> current = new ConcurrentHashMap<>();

    public ProfileBook(Map<String, Versioned<RobotProfile>> store, NavigableMap<long[], Versioned<RobotProfile>> history) {
        this.store = Require.present("store", store);
        this.history = Require.present("history", history);
        for (Versioned<RobotProfile> profile : store.values()) {
            current.put(profile.value().id(), profile);
        }
    }

    /** Stores {@code profile} as the robot's next version. */
    public Versioned<RobotProfile> update(RobotProfile profile, Provenance by) {
        Versioned<RobotProfile> previous = current.get(profile.id());
        Versioned<RobotProfile> next = previous == null ? new Versioned<>(profile, 1, by) : previous.next(profile, by);
        store.put(profile.id().name(), next);
        history.put(new long[] {profile.id().key(), profile.lastHeartbeat().nanos(), next.version()}, next);
        current.put(profile.id(), next);
        return next;
    }

    /**
     * Stores a version made elsewhere (a peer runtime's) exactly as it is, number and provenance included; the
     * caller has decided that it wins over the current one.
     */
    public void adopt(Versioned<RobotProfile> version) {
        RobotProfile profile = version.value();
        store.put(profile.id().name(), version);
        history.put(new long[] {profile.id().key(), profile.lastHeartbeat().nanos(), version.version()}, version);
        current.put(profile.id(), version);
    }

    public Optional<Versioned<RobotProfile>> get(RobotId robot) {
        return Optional.ofNullable(current.get(robot));
    }

    /** Each robot's profile as it was at {@code time}: the last version with a heartbeat at or before it. */
    public List<Versioned<RobotProfile>> stateAt(Timestamp time) {
        List<Versioned<RobotProfile>> states = new ArrayList<>();
        for (Versioned<RobotProfile> robot : all()) {
            long key = robot.value().id().key();
            var earlier = history.subMap(new long[] {key, Long.MIN_VALUE, Long.MIN_VALUE}, true,
                    new long[] {key, time.nanos(), Long.MAX_VALUE}, true);
            if (!earlier.isEmpty()) {
                states.add(earlier.lastEntry().getValue());
            }
        }
        return states;
    }

    /** All profiles, by robot name. */
    public List<Versioned<RobotProfile>> all() {
        List<Versioned<RobotProfile>> all = new ArrayList<>(current.values());
        all.sort(Comparator.comparing(v -> v.value().id()));
        return all;
    }
}
