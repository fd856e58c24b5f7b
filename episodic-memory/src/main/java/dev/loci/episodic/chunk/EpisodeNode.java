package dev.loci.episodic.chunk;

/**
 * An episode in the retrieval index: ordinals [from, to) of its robot's history, its unit vector and its key group. The open
 * tail of a robot (events after its last closed episode) is a node too, with id {@link #OPEN}.
 */
final class EpisodeNode {
    static final long OPEN = Long.MAX_VALUE;

    final long chunkId;
    final RobotHistory history;
    final int from;
    final int to;
    final float[] vector;
    /** Which session key the episode counts towards (see {@link SessionKeys}). */
    final String group;

    EpisodeNode(long chunkId, RobotHistory history, int from, int to, float[] vector, String group) {
        this.chunkId = chunkId;
        this.group = group;
        this.history = history;
        this.from = from;
        this.to = to;
        this.vector = vector;
    }
}
