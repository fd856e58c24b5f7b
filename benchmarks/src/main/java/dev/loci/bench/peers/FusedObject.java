package dev.loci.bench.peers;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import java.util.Collection;

/**
 * An object as the peers keep it: the same running means as Loci's {@code RememberedObject} (same arithmetic
 * in the same order, so positions agree to the bit and so do the answers), without Loci's provenance and history.
 */
record FusedObject(long id, String label, Vec3 position, Vec3 size, long count, double confidence) {

    static FusedObject first(long id, Observation o) {
        return new FusedObject(id, o.label(), o.box().center(), o.box().size(), 1, o.confidence());
    }

    FusedObject sighted(Observation o) {
        Vec3 seenAt = o.box().center();
        long n = count + 1;
        double weight = 1.0 / n;
        return new FusedObject(id, label, position.plus(seenAt.minus(position).times(weight)),
                size.plus(o.box().size().minus(size).times(weight)), n,
                Math.min(1, confidence + (1 - confidence) * o.confidence() * 0.5));
    }

    /** Loci's gate rule: the nearest candidate within {@code gate} (inclusive), ties to the lower id; or null. */
    static FusedObject nearestWithinGate(Collection<FusedObject> candidates, Vec3 seenAt, double gate) {
        FusedObject nearest = null;
        double best = Double.MAX_VALUE;
        double gate2 = gate * gate;
        for (FusedObject candidate : candidates) {
            double d2 = candidate.position.distanceSquaredTo(seenAt);
            if (d2 <= gate2 && (d2 < best || d2 == best && candidate.id < nearest.id)) {
                nearest = candidate;
                best = d2;
            }
        }
        return nearest;
    }
}
