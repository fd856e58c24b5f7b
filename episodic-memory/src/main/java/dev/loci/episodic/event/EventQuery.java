package dev.loci.episodic.event;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Events with {@code from <= time <= to}, of one robot or all, of the given types (empty: all types),
 * oldest first, at most {@code limit}.
 */
public record EventQuery(Timestamp from, Timestamp to, Optional<RobotId> robot, Set<EventType> types, int limit) {
    public static final int MAX_LIMIT = 100_000;

    public EventQuery {
        Require.present("from", from);
        Require.present("to", to);
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", to.nanos(), "is before from " + from.nanos());
        }
        Require.present("robot", robot);
        Require.present("types", types);
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", limit, "must be in [1, " + MAX_LIMIT + "]");
        }
    }

    public static EventQuery window(Timestamp from, Timestamp to) {
        return new EventQuery(from, to, Optional.empty(), Set.of(), MAX_LIMIT);
    }

    public EventQuery ofRobot(RobotId id) {
        return new EventQuery(from, to, Optional.of(id), types, limit);
    }

    public EventQuery ofTypes(Set<EventType> newTypes) {
        return new EventQuery(from, to, robot, newTypes, limit);
    }

    public EventQuery limit(int newLimit) {
        return new EventQuery(from, to, robot, types, newLimit);
    }

    boolean accepts(Event event) {
        return (types.isEmpty() || types.contains(event.type()))
                && robot.map(r -> r.equals(event.robot())).orElse(true);
    }
}
