package dev.loci.runtime.semantic;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;

/** Something observed near a place during a time window: its class, where, when (latest), and by whom. */
public record SeenThere(String label, Vec3 where, Timestamp when, RobotId seenBy) {
}
