package dev.loci.episodic.segment;

/** Why a segment began. */
public enum BoundaryCause {
    /** The robot's first event seen by this segmenter, or the first after a flush. */
    FIRST_EVENT,
    /** The event's surprise exceeded the threshold. */
    SURPRISE,
    /** The segment before it reached the maximum length. */
    MAX_LENGTH
}
