package dev.loci.episodic.chunk;

/** What a chunk's vector is made from. See README-segmentation.md, "Summary vectors". */
public enum SummaryVector {
    /** The normalised mean of the member vectors (events for an episode, episodes for a session). */
    MEAN_OF_MEMBERS,
    /** The text embedder's vector of the chunk's summary text. */
    EMBEDDED_SUMMARY
}
