package dev.loci.spatial.objects;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/** Where an object was between two sightings: one entry of its location history. */
public record Placement(Vec3 position, Timestamp firstSeen, Timestamp lastSeen) {
    public Placement {
        Require.present("position", position);
        Require.present("firstSeen", firstSeen);
        Require.present("lastSeen", lastSeen);
        if (lastSeen.isBefore(firstSeen)) {
            throw new InvalidValueException("lastSeen", lastSeen.nanos(), "is before firstSeen " + firstSeen.nanos());
        }
    }
}
