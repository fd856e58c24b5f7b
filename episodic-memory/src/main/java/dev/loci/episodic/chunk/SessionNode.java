package dev.loci.episodic.chunk;


import java.util.List;

/**
 * A session in the retrieval index: its episodes and its retrieval keys (see {@link SessionKeys}). Both are
 * laid out for the order recall reads them in: the keys at {@code [keyFrom, keyFrom + keyCount)} of the robot's
 * key store (scoring all sessions is one scan), and the episodes' vectors grouped by key in the robot's grouped
 * episode store (scoring a chosen key's episodes is one contiguous run), as int8 ({@link QuantizedVectors}).
 * Id {@link EpisodeNode#OPEN} for a robot's open session.
 */
final class SessionNode {
    final long chunkId;
    final List<EpisodeNode> episodes;
    private final QuantizedVectors keys;
    private final int keyFrom;
    private final int[][] keyMembers;
    private final QuantizedVectors groupedEpisodes;
    /** Key k's episodes are at {@code [groupFrom[k], groupFrom[k] + keyMembers[k].length)} of groupedEpisodes. */
    private final int[] groupFrom;

    /** Computes the session's keys from its episodes and appends them and the grouped episodes to the stores. */
    SessionNode(long chunkId, List<EpisodeNode> episodes, QuantizedVectors keyStore,
                QuantizedVectors groupedEpisodeStore) {
        this.chunkId = chunkId;
        this.episodes = episodes;
        this.keys = keyStore;
        this.groupedEpisodes = groupedEpisodeStore;
        SessionKeys.Keys computed = SessionKeys.of(episodes, keyStore.dimensions());
        this.keyFrom = keyStore.size();
        for (float[] key : computed.vectors()) {
            keyStore.add(key);
        }
        this.keyMembers = computed.members();
        this.groupFrom = new int[keyMembers.length];
        for (int k = 0; k < keyMembers.length; k++) {
            groupFrom[k] = groupedEpisodeStore.size();
            for (int position : keyMembers[k]) {
                EpisodeNode episode = episodes.get(position);
                groupedEpisodeStore.add(computed.byObjectsSeen()[k] ? episode.objectsSeen : episode.vector());
            }
        }
    }

    int keyCount() {
        return keyMembers.length;
    }

    /** Where this session's keys start in its key store (sessions of a robot follow each other there). */
    int keyFrom() {
        return keyFrom;
    }

    /** Approximate scores of all keys into {@code out[0, keyCount)}. */
    void scoreKeys(QuantizedVectors.Query query, float[] out) {
        keys.dotRange(query, keyFrom, keyFrom + keyCount(), out);
    }

    /** Approximate scores of key {@code k}'s episodes, in {@link #keyMembers} order, into {@code out}. */
    void scoreGroup(int k, QuantizedVectors.Query query, float[] out) {
        groupedEpisodes.dotRange(query, groupFrom[k], groupFrom[k] + keyMembers[k].length, out);
    }

    /** Positions (in {@link #episodes}) of the episodes under key {@code k}. */
    int[] keyMembers(int k) {
        return keyMembers[k];
    }
}
