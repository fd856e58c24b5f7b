package dev.loci.spatial.objects;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;

/** One committed version of an object, as time travel returns it: where memory believed it was, and when. */
public record ObjectState(long id, String label, Vec3 position, ObjectStatus status, double confidence,
                          Timestamp at, long version) {
    public ObjectState {
        Require.label("label", label);
        Require.present("position", position);
        Require.present("status", status);
        Require.inRange("confidence", confidence, 0, 1);
        Require.present("at", at);
    }

    static ObjectState of(RememberedObject object, Timestamp at) {
        return new ObjectState(object.id(), object.label(), object.position(), object.status(), object.confidence(),
                at, object.version());
    }
}
