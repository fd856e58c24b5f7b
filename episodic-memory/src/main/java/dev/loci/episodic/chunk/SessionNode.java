package dev.loci.episodic.chunk;

import java.util.List;

/**
 * A session in the retrieval index: its episodes and its retrieval keys (see {@link SessionKeys}), packed at
 * {@code [keyFrom, keyFrom + keyCount)} of a store, so scoring all sessions scans contiguous memory. Id
 * {@link EpisodeNode#OPEN} for a robot's open session.
 */
final class SessionNode {
    final long chunkId;
    final List<EpisodeNode> episodes;
    private final PackedVectors keys;
    private final int keyFrom;
    private final int[][] keyMembers;

    /** Computes the session's keys from its episodes and appends them to {@code keyStore}. */
    SessionNode(long chunkId, List<EpisodeNode> episodes, PackedVectors keyStore) {
        this.chunkId = chunkId;
        this.episodes = episodes;
        this.keys = keyStore;
        SessionKeys.Keys computed = SessionKeys.of(episodes, keyStore.dimensions());
        int first = keyStore.size();
        for (float[] key : computed.vectors()) {
            keyStore.add(key);
        }
        this.keyFrom = first;
        this.keyMembers = computed.members();
    }

    int keyCount() {
        return keyMembers.length;
    }

    /** Cosine of key {@code k} with the query. */
    double keyScore(int k, float[] query) {
        return keys.dot(keyFrom + k, query);
    }

    /** Positions (in {@link #episodes}) of the episodes under key {@code k}. */
    int[] keyMembers(int k) {
        return keyMembers[k];
    }
}
