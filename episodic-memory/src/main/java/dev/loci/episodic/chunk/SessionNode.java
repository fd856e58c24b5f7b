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
    /** The number of keys, kept here: level 1 reads it for every session. */
    private final int keyCount;
    /** Where this session's objects-seen keys start in its robot's {@link SeenKeys}. */
    private final int seenFrom;
    private final QuantizedVectors groupedEpisodes;
    /** Its robot's level-3 records (see {@link GroupRecords}), and where this session's starts. */
    private final GroupRecords records;
    private final int recordAt;

    /** Computes the session's keys from its episodes and appends them and the grouped episodes to the stores. */
    SessionNode(long chunkId, List<EpisodeNode> episodes, QuantizedVectors keyStore, SeenKeys seenKeyStore,
                QuantizedVectors groupedEpisodeStore, GroupRecords recordStore) {
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
        int[][] members = computed.members();
        this.keyCount = members.length;
        this.seenFrom = seenKeyStore.size();
        for (int[] seen : computed.seenLabels()) {
            seenKeyStore.add(seen);
        }
        int[] groupFrom = new int[taskKeys];
        for (int k = 0; k < taskKeys; k++) {
            groupFrom[k] = groupedEpisodeStore.size();
            for (int position : members[k]) {
                groupedEpisodeStore.add(episodes.get(position).vector());
            }
        }
        this.records = recordStore;
        this.recordAt = recordStore.append(computed, episodes, groupFrom);
    }

    /**
     * Bytes of this node and its episode list's references (an estimate; the episodes, and its keys and record in
     * the robot's stores, are counted apart).
     */
    long retainedBytes() {
        return 64 + 16 + 8L * episodes.size();
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

    /**
     * Scores key {@code k}'s episodes: their approximate scores into {@code scores}, their positions in
     * {@link #episodes} into {@code positions} and their chunk ids into {@code ids}, each from index 0 (at least
     * as long as the session's episodes). Returns how many.
     */
    int scoreGroup(int k, QuantizedVectors.Query query, float[] labelScores, float[] scores, int[] positions,
                   long[] ids) {
        int[] data = records.data();
        int at = recordAt + data[recordAt + k];
        int n = data[at++];
        if (k < taskKeys) {
            int from = data[at++];
            groupedEpisodes.dotRange(query, from, from + n, scores);
            for (int m = 0; m < n; m++, at += GroupRecords.TASK_ENTRY) {
                positions[m] = data[at];
                ids[m] = (long) data[at + 1] << 32 | data[at + 2] & 0xFFFFFFFFL;
            }
            return n;
        }
        for (int m = 0; m < n; m++) {
            positions[m] = data[at];
            ids[m] = (long) data[at + 1] << 32 | data[at + 2] & 0xFFFFFFFFL;
            int labels = data[at + 3];
            at += 4;
            float best = Float.NEGATIVE_INFINITY; // as ObjectLabels.best over the episode's labels
            for (int end = at + labels; at < end; at++) {
                best = Math.max(best, labelScores[data[at]]);
            }
            scores[m] = best;
        }
        return n;
    }
}
