package dev.loci.episodic.event;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Something that happened to or was done by a robot, at a time, maybe at a place, maybe involving objects.
 *
 * @param source  the component that reported it (task manager, state monitor, ...): part of provenance
 * @param objects ids of remembered objects involved
 */
public record Event(
        RobotId robot,
        Timestamp time,
        EventType type,
        String source,
        String description,
        SortedMap<String, String> attributes,
        Optional<Vec3> place,
        List<Long> objects) {

    public static final int MAX_OBJECTS = 64;

    public Event {
        Require.present("robot", robot);
        Require.present("time", time);
        Require.present("type", type);
        Require.label("source", source);
        Require.text("description", description, Require.MAX_TEXT_CHARS);
        Require.attributes("attributes", attributes);
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        Require.present("place", place);
        Require.atMost("objects", objects, MAX_OBJECTS);
        for (Long object : objects) {
            if (object == null || object < 1) {
                throw new InvalidValueException("objects", object, "must hold object ids >= 1");
            }
        }
        objects = List.copyOf(objects);
    }

    public static Event of(RobotId robot, Timestamp time, EventType type, String source, String description) {
        return new Event(robot, time, type, source, description, new TreeMap<>(), Optional.empty(), List.of());
    }

    public Event at(Vec3 newPlace) {
        return new Event(robot, time, type, source, description, attributes, Optional.of(newPlace), objects);
    }

    public Event involving(List<Long> newObjects) {
        return new Event(robot, time, type, source, description, attributes, place, newObjects);
    }

    public Event withAttributes(java.util.Map<String, String> newAttributes) {
        return new Event(robot, time, type, source, description, new TreeMap<>(newAttributes), place, objects);
    }

    public Provenance provenance() {
        return new Provenance(robot, source, time);
    }
}
