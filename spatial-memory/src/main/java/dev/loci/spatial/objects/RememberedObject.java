package dev.loci.spatial.objects;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A physical object as memory knows it, fused from every observation gated to it.
 *
 * <p>Confidence is the belief that the object is where memory says: each sighting moves it toward 1 by half
 * the detector's confidence; each time its place is in view but it is not seen, it is multiplied by the miss
 * factor. Position and size are running means over the sightings at the current placement.
 *
 * @param position         running mean of the observed box centres at the current placement
 * @param size             running mean of the observed box sizes
 * @param lastSeenAt       box centre of the most recent observation: "where I last saw it"
 * @param observationCount sightings at the current placement
 * @param firstSeen        provenance of the first observation ever
 * @param lastSeen         provenance of the most recent observation
 * @param lastObservation  id of the most recent raw observation
 * @param version          1 when created, +1 on every change
 * @param misses           times its place was in view without it since it was last seen
 * @param seenBy           names of the robots that have seen it
 * @param history          earlier placements, oldest first, at most {@link #MAX_HISTORY}
 * @param placedSince      time of the first sighting at the current placement
 */
public record RememberedObject(
        long id,
        String label,
        Vec3 position,
        Vec3 size,
        Vec3 lastSeenAt,
        long observationCount,
        double confidence,
        SortedMap<String, String> attributes,
        Provenance firstSeen,
        Provenance lastSeen,
        long lastObservation,
        long version,
        ObjectStatus status,
        int misses,
        SortedSet<String> seenBy,
        List<Placement> history,
        Timestamp placedSince) {

    public static final int MAX_HISTORY = 16;
    public static final int MAX_ROBOTS = 64;

    public RememberedObject {
        Require.nonNegative("id", id);
        Require.label("label", label);
        Require.present("position", position);
        Require.present("size", size);
        Require.nonNegative("size.x", size.x());
        Require.nonNegative("size.y", size.y());
        Require.nonNegative("size.z", size.z());
        Require.present("lastSeenAt", lastSeenAt);
        if (observationCount < 1) {
            throw new InvalidValueException("observationCount", observationCount, "must be at least 1");
        }
        Require.inRange("confidence", confidence, 0, 1);
        Require.attributes("attributes", attributes);
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        Require.present("firstSeen", firstSeen);
        Require.present("lastSeen", lastSeen);
        Require.nonNegative("lastObservation", lastObservation);
        if (version < 1) {
            throw new InvalidValueException("version", version, "must be at least 1");
        }
        Require.present("status", status);
        Require.nonNegative("misses", misses);
        Require.atMost("seenBy", seenBy, MAX_ROBOTS);
        seenBy = Collections.unmodifiableSortedSet(new TreeSet<>(seenBy));
        Require.atMost("history", history, MAX_HISTORY);
        history = List.copyOf(history);
        Require.present("placedSince", placedSince);
    }

    /** A new object from its first observation. */
    public static RememberedObject first(long id, long observationId, Observation o) {
        Vec3 seenAt = o.box().center();
        return new RememberedObject(id, o.label(), seenAt, o.box().size(), seenAt, 1, o.confidence(),
                o.attributes(), o.provenance(), o.provenance(), observationId, 1, ObjectStatus.PRESENT, 0,
                new TreeSet<>(List.of(o.robot().name())), List.of(), o.time());
    }

    /** This object after another sighting at its current placement. */
    public RememberedObject sighted(long observationId, Observation o) {
        Vec3 seenAt = o.box().center();
        long count = observationCount + 1;
        double weight = 1.0 / count;
        TreeMap<String, String> merged = new TreeMap<>(attributes);
        merged.putAll(o.attributes());
        if (merged.size() > Require.MAX_ATTRIBUTES) {
            merged = new TreeMap<>(o.attributes());
        }
        return new RememberedObject(id, label, position.plus(seenAt.minus(position).times(weight)),
                size.plus(o.box().size().minus(size).times(weight)), seenAt, count, believeMore(o.confidence()),
                merged, firstSeen, o.provenance(), observationId, version + 1, ObjectStatus.PRESENT, 0,
                withRobot(o), history, placedSince);
    }

    /** This object found at a new place: the old placement goes to history and the running means restart. */
    public RememberedObject movedTo(long observationId, Observation o) {
        Vec3 seenAt = o.box().center();
        List<Placement> past = new ArrayList<>(history);
        Timestamp start = placedSince.compareTo(lastSeen.time()) <= 0 ? placedSince : lastSeen.time();
        past.add(new Placement(position, start, lastSeen.time()));
        while (past.size() > MAX_HISTORY) {
            past.remove(0);
        }
        return new RememberedObject(id, label, seenAt, o.box().size(), seenAt, 1, o.confidence(), o.attributes(),
                firstSeen, o.provenance(), observationId, version + 1, ObjectStatus.PRESENT, 0, withRobot(o), past, o.time());
    }

    /** This object after its place was in view and it was not seen. */
    public RememberedObject missed(double missFactor, double goneBelow) {
        double belief = confidence * missFactor;
        ObjectStatus next = belief < goneBelow ? ObjectStatus.GONE : ObjectStatus.MISSING;
        return new RememberedObject(id, label, position, size, lastSeenAt, observationCount, belief, attributes,
                firstSeen, lastSeen, lastObservation, version + 1, next, misses + 1, seenBy, history, placedSince);
    }

    /** Whether {@code o} could be this very object seen again somewhere else: same class, same attributes. */
    public boolean sameIdentityAs(Observation o) {
        return label.equals(o.label()) && attributes.equals(o.attributes());
    }

    private double believeMore(double detectorConfidence) {
        return Math.min(1, confidence + (1 - confidence) * detectorConfidence * 0.5);
    }

    private SortedSet<String> withRobot(Observation o) {
        if (seenBy.contains(o.robot().name()) || seenBy.size() >= MAX_ROBOTS) {
            return seenBy;
        }
        TreeSet<String> robots = new TreeSet<>(seenBy);
        robots.add(o.robot().name());
        return robots;
    }
}
