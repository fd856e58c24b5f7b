package dev.loci.episodic.chunk;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * A closed chunk of one robot's history: an episode (consecutive events) or a session (consecutive episodes).
 * Immutable; consolidation writes a new version under the same id (see {@link ChunkConsolidation}).
 *
 * @param members      what it was derived from: event ids for an episode, episode chunk ids for a session
 * @param eventCount   events covered (an episode's members; the sum of a session's episodes)
 * @param firstEventId the first event covered; with {@code lastEventId} and the robot, the exact event range
 * @param placedEvents how many covered events had a place (the weight of {@code centroid} when merging)
 * @param centroid     mean place of the placed events
 * @param bounds       box around the placed events
 * @param places       place names (room, area) from event attributes, most frequent first
 * @param objects      ids of the objects involved, most frequent first, at most {@link #MAX_OBJECTS}
 * @param tasks        tasks worked on, in order of first appearance
 * @param outcomes     how tasks ended in it ("finished ...", "failed ...: reason"), in order
 * @param summary      deterministic text: who, where, when, what was done and seen, outcome
 * @param vector       the summary vector (see {@link SummaryVector}); unit length
 * @param derivedFrom  chunks consolidated into this one (their ids, oldest first; empty for an original)
 * @param version      1 when written, one more each time consolidation rewrites it
 */
public record Chunk(long id, ChunkLevel level, RobotId robot, Timestamp start, Timestamp end, List<Long> members,
                    int eventCount, long firstEventId, long lastEventId, int placedEvents, Optional<Vec3> centroid,
                    Optional<Aabb> bounds, List<String> places, List<Long> objects, List<String> tasks,
                    List<String> outcomes, String summary, Embedding vector, List<Long> derivedFrom, int version) {
    public static final int MAX_OBJECTS = 64;
    public static final int MAX_NAMES = 16;
    public static final int MAX_MEMBERS = 100_000;

    public Chunk {
        if (id < 1) {
            throw new InvalidValueException("id", id, "must be at least 1");
        }
        Require.present("level", level);
        Require.present("robot", robot);
        Require.present("start", start);
        Require.present("end", end);
        if (end.isBefore(start)) {
            throw new InvalidValueException("end", end.nanos(), "is before start " + start.nanos());
        }
        Require.atMost("members", members, MAX_MEMBERS);
        if (members.isEmpty()) {
            throw new InvalidValueException("members", members, "must not be empty");
        }
        members = List.copyOf(members);
        if (eventCount < members.size()) {
            throw new InvalidValueException("eventCount", eventCount, "must be at least the " + members.size()
                    + " members");
        }
        if (firstEventId < 1 || lastEventId < firstEventId) {
            throw new InvalidValueException("lastEventId", lastEventId, "must be >= firstEventId " + firstEventId
                    + " >= 1");
        }
        if (placedEvents < 0 || placedEvents > eventCount) {
            throw new InvalidValueException("placedEvents", placedEvents, "must be in [0, " + eventCount + "]");
        }
        Require.present("centroid", centroid);
        Require.present("bounds", bounds);
        if (centroid.isPresent() != (placedEvents > 0) || bounds.isPresent() != (placedEvents > 0)) {
            throw new InvalidValueException("centroid", centroid, "must be present exactly when placedEvents > 0");
        }
        places = names("places", places);
        Require.atMost("objects", objects, MAX_OBJECTS);
        objects = List.copyOf(objects);
        tasks = names("tasks", tasks);
        outcomes = names("outcomes", outcomes);
        Require.text("summary", summary, Require.MAX_TEXT_CHARS);
        Require.present("vector", vector);
        Require.atMost("derivedFrom", derivedFrom, MAX_MEMBERS);
        derivedFrom = List.copyOf(derivedFrom);
        if (version < 1) {
            throw new InvalidValueException("version", version, "must be at least 1");
        }
    }

    /** An original chunk: derived from no other chunk, version 1. */
    public Chunk(long id, ChunkLevel level, RobotId robot, Timestamp start, Timestamp end, List<Long> members,
                 int eventCount, long firstEventId, long lastEventId, int placedEvents, Optional<Vec3> centroid,
                 Optional<Aabb> bounds, List<String> places, List<Long> objects, List<String> tasks,
                 List<String> outcomes, String summary, Embedding vector) {
        this(id, level, robot, start, end, members, eventCount, firstEventId, lastEventId, placedEvents, centroid,
                bounds, places, objects, tasks, outcomes, summary, vector, List.of(), 1);
    }

    /** This chunk with other members (a session whose episodes were consolidated), as its next version. */
    Chunk withMembers(List<Long> newMembers) {
        return new Chunk(id, level, robot, start, end, newMembers, eventCount, firstEventId, lastEventId, placedEvents,
                centroid, bounds, places, objects, tasks, outcomes, summary, vector, derivedFrom, version + 1);
    }

    private static List<String> names(String field, List<String> names) {
        Require.atMost(field, names, MAX_NAMES);
        for (String name : names) {
            Require.text(field + " entry", name, Require.MAX_TEXT_CHARS);
        }
        return List.copyOf(names);
    }

    /** Who derived it and when: the robot whose events it covers, this module, the chunk's end. */
    public Provenance provenance() {
        return new Provenance(robot, "chunk_memory", end);
    }
}
