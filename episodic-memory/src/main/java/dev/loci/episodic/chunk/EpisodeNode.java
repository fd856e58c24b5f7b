package dev.loci.episodic.chunk;

/**
 * An episode in the retrieval index: ordinals [from, to) of its robot's history, its unit vector (at
 * {@code index} in a packed store, next to the vectors of the episodes before and after it) and its key group.
 * The open tail of a robot (events after its last closed episode) is a node too, with id {@link #OPEN}.
 */
final class EpisodeNode {
    static final long OPEN = Long.MAX_VALUE;

    final long chunkId;
    final RobotHistory history;
    final int from;
    final int to;
    final PackedVectors store;
    final int index;
    /** Which session key the episode counts towards (see {@link SessionKeys}). */
    final String group;
    /** The distinct labels of the objects it saw (see {@link ObjectLabels}), or null if it saw none. */
    final int[] labels;
    /** Its main place name ("" if none). */
    final String place;

    EpisodeNode(long chunkId, RobotHistory history, int from, int to, PackedVectors store, int index,
                String group, int[] labels, String place) {
        this.chunkId = chunkId;
        this.history = history;
        this.from = from;
        this.to = to;
        this.store = store;
        this.index = index;
        this.group = group;
        this.labels = labels;
        this.place = place;
    }

    float[] vector() {
        return store.copy(index);
    }

    /** The same episode with its vector appended to {@code other} (compacting a robot's episode store). */
    EpisodeNode copyInto(PackedVectors other) {
        return new EpisodeNode(chunkId, history, from, to, other, other.add(vector()), group, labels, place);
    }

    /** Bytes of this node and its labels (an estimate from array lengths; the strings are the chunk's). */
    long retainedBytes() {
        return 56 + (labels == null ? 0 : 16 + 4L * labels.length);
    }
}
