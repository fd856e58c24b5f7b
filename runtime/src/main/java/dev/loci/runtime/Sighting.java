package dev.loci.runtime;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Provenance;

/** Where and when an object was last seen, and by whom. */
public record Sighting(long objectId, String label, Vec3 where, Provenance seenBy) {
    static Sighting of(RememberedObject object) {
        return new Sighting(object.id(), object.label(), object.lastSeenAt(), object.lastSeen());
    }
}
