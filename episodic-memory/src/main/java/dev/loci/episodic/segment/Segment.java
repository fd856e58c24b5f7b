package dev.loci.episodic.segment;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * A closed run of one robot's consecutive events: an episode in the making.
 *
 * @param start how the segment began
 * @param end   the boundary that closed it (the next segment's start); empty when a flush closed it
 */
public record Segment(RobotId robot, List<StoredEvent> events, Boundary start, Optional<Boundary> end) {
    public Segment {
        Require.present("robot", robot);
        Require.present("events", events);
        if (events.isEmpty()) {
            throw new InvalidValueException("events", events, "must not be empty");
        }
        events = List.copyOf(events);
        Require.present("start", start);
        Require.present("end", end);
    }

    public long firstEventId() {
        return events.get(0).id();
    }

    public long lastEventId() {
        return events.get(events.size() - 1).id();
    }

    public int size() {
        return events.size();
    }
}
