package dev.loci.spatial.objects;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A physical object as memory knows it, fused from every observation gated to it.
 *
 * @param position         running mean of the observed box centres
 * @param size             running mean of the observed box sizes
 * @param lastSeenAt       box centre of the most recent observation: "where I last saw it"
 * @param firstSeen        provenance of the first observation
 * @param lastSeen         provenance of the most recent observation
 * @param lastObservation  id of the most recent raw observation
 * @param version          1 when created, +1 on every fused observation
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
        long version) {

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
    }
}
