package dev.loci.episodic.event;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Events with {@code from <= time <= to}, of one robot or all, of the given types (empty: all types),
 * optionally only those that happened near a place or involved an object, oldest first, at most {@code limit}.
 */
public record EventQuery(Timestamp from, Timestamp to, Optional<RobotId> robot, Set<EventType> types,
                         Optional<Near> near, Optional<Long> object, int limit) {
    public static final int MAX_LIMIT = 100_000;

    /** Events whose place is within {@code radius} metres of {@code center}. */
    public record Near(Vec3 center, double radius) {
        public Near {
            Require.present("near.center", center);
            Require.inRange("near.radius", radius, 0, 10_000);
        }
    }

    public EventQuery {
        Require.present("from", from);
        Require.present("to", to);
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", to.nanos(), "is before from " + from.nanos());
        }
        Require.present("robot", robot);
        Require.present("types", types);
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        Require.present("near", near);
        Require.present("object", object);
        if (object.isPresent() && object.get() < 1) {
            throw new InvalidValueException("object", object.get(), "must be an object id >= 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", limit, "must be in [1, " + MAX_LIMIT + "]");
        }
    }

    public static EventQuery window(Timestamp from, Timestamp to) {
        return new EventQuery(from, to, Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), MAX_LIMIT);
    }

    public EventQuery ofRobot(RobotId id) {
        return new EventQuery(from, to, Optional.of(id), types, near, object, limit);
    }

    public EventQuery ofTypes(Set<EventType> newTypes) {
        return new EventQuery(from, to, robot, newTypes, near, object, limit);
    }

    public EventQuery near(Vec3 center, double radius) {
        return new EventQuery(from, to, robot, types, Optional.of(new Near(center, radius)), object, limit);
    }

    public EventQuery involving(long objectId) {
        return new EventQuery(from, to, robot, types, near, Optional.of(objectId), limit);
    }

    public EventQuery limit(int newLimit) {
        return new EventQuery(from, to, robot, types, near, object, newLimit);
    }

    boolean accepts(Event event) {
        return (types.isEmpty() || types.contains(event.type()))
                && robot.map(r -> r.equals(event.robot())).orElse(true)
                && near.map(n -> event.place().map(p -> p.distanceTo(n.center()) <= n.radius()).orElse(false))
                        .orElse(true)
                && object.map(o -> event.objects().contains(o)).orElse(true);
    }
}
