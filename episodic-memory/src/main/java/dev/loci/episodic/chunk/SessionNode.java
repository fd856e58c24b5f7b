package dev.loci.episodic.chunk;


import java.util.List;

/**
 * A session in the retrieval index: its episodes and its retrieval keys (see {@link SessionKeys}). Both are
 * laid out for the order recall reads them in: the task keys at {@code [keyFrom, keyFrom + taskKeys)} of the
 * robot's key store (scoring all sessions is one scan), and the task keys' episode vectors grouped by key in the
 * robot's grouped episode store (scoring a chosen key's episodes is one contiguous run), as int8
 * ({@link QuantizedVectors}). Objects-seen keys and their episodes score by their best label
 * ({@link ObjectLabels}). Id {@link EpisodeNode#OPEN} for a robot's open session.
 */
final class SessionNode {
    final long chunkId;
    final List<EpisodeNode> episodes;
    private final QuantizedVectors keys;
    private final SeenKeys seenKeys;
    private final int keyFrom;
    private final int taskKeys;
    private final int[][] keyMembers;
    /** keyMembers.length, kept here: level 1 reads it for every session, and the array is a cache miss away. */
    private final int keyCount;
    /** The episodes' chunk ids by position: recall reads tens of thousands a question, an array not the nodes. */
    private final long[] episodeIds;
    /** Where this session's objects-seen keys start in its robot's {@link SeenKeys}. */
    private final int seenFrom;
    private final QuantizedVectors groupedEpisodes;
    /** Task key k's episodes are at {@code [groupFrom[k], groupFrom[k] + keyMembers[k].length)} of groupedEpisodes. */
    private final int[] groupFrom;

    /** Computes the session's keys from its episodes and appends them and the grouped episodes to the stores. */
    SessionNode(long chunkId, List<EpisodeNode> episodes, QuantizedVectors keyStore, SeenKeys seenKeyStore,
                QuantizedVectors groupedEpisodeStore) {
        this.chunkId = chunkId;
        this.episodes = episodes;
        this.keys = keyStore;
        this.seenKeys = seenKeyStore;
        this.groupedEpisodes = groupedEpisodeStore;
        SessionKeys.Keys computed = SessionKeys.of(episodes, keyStore.dimensions());
        this.keyFrom = keyStore.size();
        for (float[] key : computed.taskVectors()) {
            keyStore.add(key);
        }
        this.taskKeys = computed.taskKeys();
        this.keyMembers = computed.members();
        this.keyCount = keyMembers.length;
        this.episodeIds = episodes.stream().mapToLong(episode -> episode.chunkId).toArray();
        this.seenFrom = seenKeyStore.size();
        for (int[] seen : computed.seenLabels()) {
            seenKeyStore.add(seen);
        }
        this.groupFrom = new int[taskKeys];
        for (int k = 0; k < taskKeys; k++) {
            groupFrom[k] = groupedEpisodeStore.size();
            for (int position : keyMembers[k]) {
                groupedEpisodeStore.add(episodes.get(position).vector());
            }
        }
    }

    /** Bytes of this node's own arrays (an estimate from their lengths; its episodes are counted apart). */
    long retainedBytes() {
        long bytes = 64 + 16 + 8L * episodes.size() + 16 + 4L * groupFrom.length;
        for (int[] members : keyMembers) {
            bytes += 16 + 8 + 4L * members.length;
        }
        return bytes;
    }

    int keyCount() {
        return keyCount;
    }

    /** Task keys in the key store (the other keys are scored by labels). */
    int taskKeyCount() {
        return taskKeys;
    }

    /** Where this session's task keys start in its key store (sessions of a robot follow each other there). */
    int keyFrom() {
        return keyFrom;
    }

    /** Where this session's objects-seen keys start in its {@link SeenKeys} store. */
    int seenFrom() {
        return seenFrom;
    }

    /** The store of its task keys (its robot's, or its own for an open session). */
    QuantizedVectors keyStore() {
        return keys;
    }

    /** The store of its objects-seen keys (its robot's, or its own for an open session). */
    SeenKeys seenKeyStore() {
        return seenKeys;
    }

    /** Approximate scores of key {@code k}'s episodes, in {@link #keyMembers} order, into {@code out}. */
    void scoreGroup(int k, QuantizedVectors.Query query, float[] labelScores, float[] out) {
        if (k < taskKeys) {
            groupedEpisodes.dotRange(query, groupFrom[k], groupFrom[k] + keyMembers[k].length, out);
            return;
        }
        int[] members = keyMembers[k];
        for (int m = 0; m < members.length; m++) {
            out[m] = ObjectLabels.best(labelScores, episodes.get(members[m]).labels);
        }
    }

    /** The chunk id of the episode at {@code position} of {@link #episodes}. */
    long episodeId(int position) {
        return episodeIds[position];
    }

    /** Positions (in {@link #episodes}) of the episodes under key {@code k}. */
    int[] keyMembers(int k) {
        return keyMembers[k];
    }
}
