package dev.loci.bench.workload;

import dev.loci.spatial.geometry.Vec3;

/** A physical object as it really is (ground truth): the detector sees it with noise. */
public record WorldObject(int index, ObjectClass objectClass, Vec3 center, Vec3 size) {
    public String label() {
        return objectClass.label();
    }
}
