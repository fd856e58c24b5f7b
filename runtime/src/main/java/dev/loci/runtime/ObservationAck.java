package dev.loci.runtime;

/** A committed observation: its id, the object it was fused into, and whether that object is new. */
public record ObservationAck(long observationId, long objectId, boolean createdObject) {
}
