package dev.loci.episodic.chunk;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One robot's part of the hierarchy: its history, its closed sessions, and its open session (closed episodes
 * not yet in a session, plus the open tail of unchunked events).
 *
 * <p>Only episodes that still have their detail are in the retrieval index: once forgetting released an
 * episode's events, recall could only score them 0 and the log no longer holds them, so
 * {@link #withoutReleased()} takes it out (its summary stays in the chunk map). A closed session left with no
 * such episode is kept as its chunk id alone ({@link #summaryOnly}): listed with the robot's sessions, never
 * searched.
 */
final class RobotChunks {
    final RobotHistory history;
    final List<SessionNode> sessions = new ArrayList<>();
    final List<Chunk> openEpisodes = new ArrayList<>();
    final List<EpisodeNode> openNodes = new ArrayList<>();
    final float[] openSum;
    /** Unit vectors of the robot's closed episodes, in order: a session's episodes are a contiguous run. */
    final PackedVectors episodeVectors;
    /** Keys of the robot's closed sessions, in order (int8: they are only ranked; wide blocks, scored whole). */
    final QuantizedVectors sessionKeys;
    /** Objects-seen keys of the robot's closed sessions, in order, by label. */
    final SeenKeys seenKeys = new SeenKeys();
    /**
     * The closed sessions' episode vectors again, grouped by session key (int8: only ranked). Wide blocks: recall
     * reads the runs of about half of the sessions, in memory order.
     */
    final QuantizedVectors groupedEpisodes;
    /** The closed sessions' level-3 records (keys' episodes, ids and labels), in order. */
    final GroupRecords groupRecords = new GroupRecords();
    String openSessionName;
    /** Ids of closed sessions none of whose episodes has detail left, ascending; the first summaryOnlyCount. */
    private long[] summaryOnly = new long[8];
    private int summaryOnlyCount;

    RobotChunks(RobotHistory history) {
        this.history = history;
        this.openSum = new float[history.dimensions()];
        this.episodeVectors = new PackedVectors(history.dimensions());
        this.sessionKeys = new QuantizedVectors(history.dimensions(), QuantizedVectors.WIDE);
        this.groupedEpisodes = new QuantizedVectors(history.dimensions(), QuantizedVectors.WIDE);
    }

    /** Ids of the closed sessions that are summaries only, ascending. */
    long[] summaryOnlySessions() {
        return Arrays.copyOf(summaryOnly, summaryOnlyCount);
    }

    void addSummaryOnly(long sessionId) {
        if (summaryOnlyCount == summaryOnly.length) {
            summaryOnly = Arrays.copyOf(summaryOnly, summaryOnlyCount * 2);
        }
        int at = summaryOnlyCount;
        while (at > 0 && summaryOnly[at - 1] > sessionId) { // rehearsed sessions may be forgotten late
            summaryOnly[at] = summaryOnly[at - 1];
            at--;
        }
        summaryOnly[at] = sessionId;
        summaryOnlyCount++;
    }

    /** Whether some indexed episode had all of its events released since the index was last compacted. */
    private boolean holdsReleased() {
        for (SessionNode session : sessions) {
            for (EpisodeNode episode : session.episodes) {
                if (history.released(episode.from, episode.to)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * This robot's index without the episodes whose events were all released (and without sessions left with
     * none): the stores are rebuilt from the nodes that stay, so the cost is that of the robot's episodes with
     * detail, not of its whole past. Then the history drops its released prefix. Returns this if nothing was
     * released.
     */
    RobotChunks withoutReleased() {
        if (!holdsReleased()) {
            history.dropReleasedPrefix();
            return this;
        }
        RobotChunks fresh = new RobotChunks(history);
        fresh.openSessionName = openSessionName;
        fresh.summaryOnly = summaryOnly;
        fresh.summaryOnlyCount = summaryOnlyCount;
        for (SessionNode session : sessions) {
            List<EpisodeNode> kept = new ArrayList<>(session.episodes.size());
            for (EpisodeNode episode : session.episodes) {
                if (!history.released(episode.from, episode.to)) {
                    kept.add(episode.copyInto(fresh.episodeVectors));
                }
            }
            if (kept.isEmpty()) {
                fresh.addSummaryOnly(session.chunkId);
            } else {
                fresh.sessions.add(new SessionNode(session.chunkId, List.copyOf(kept), fresh.sessionKeys,
                        fresh.seenKeys, fresh.groupedEpisodes, fresh.groupRecords));
            }
        }
        fresh.openEpisodes.addAll(openEpisodes);
        for (EpisodeNode episode : openNodes) {
            fresh.openNodes.add(episode.copyInto(fresh.episodeVectors));
        }
        System.arraycopy(openSum, 0, fresh.openSum, 0, openSum.length);
        history.dropReleasedPrefix();
        return fresh;
    }

    /**
     * Bytes this robot's part of the index holds: history, episode and key stores, nodes, summary-only session
     * ids (array lengths plus estimated object headers; the open episodes' chunks are not counted, there are at
     * most a session's worth).
     */
    long retainedBytes() {
        long bytes = 64 + history.retainedBytes() + 16 + 4L * openSum.length + episodeVectors.retainedBytes()
                + sessionKeys.retainedBytes() + seenKeys.retainedBytes() + groupedEpisodes.retainedBytes()
                + groupRecords.retainedBytes() + 16
                + 8L * summaryOnly.length;
        for (SessionNode session : sessions) {
            bytes += 8 + session.retainedBytes();
            for (EpisodeNode episode : session.episodes) {
                bytes += episode.retainedBytes();
            }
        }
        for (EpisodeNode episode : openNodes) {
            bytes += 8 + episode.retainedBytes();
        }
        return bytes;
    }

    /** The open tail as an episode node, or null when every event is in a closed episode. */
    EpisodeNode tailNode() {
        if (history.chunkedUpTo() == history.size()) {
            return null;
        }
        PackedVectors store = new PackedVectors(history.dimensions());
        int index = store.add(Vectors.normalised(history.tailSum()));
        return new EpisodeNode(EpisodeNode.OPEN, history, history.chunkedUpTo(), history.size(), store, index,
                "open tail", null, "");
    }

    /**
     * The open session as a node: its closed episodes, keyed like a closed session (keys computed per query: at
     * most a session's worth of episodes); null when it has none. The open tail is not in it: recall scores the
     * tail's events directly.
     */
    SessionNode openSessionNode() {
        if (openNodes.isEmpty()) {
            return null;
        }
        int dimensions = history.dimensions();
        return new SessionNode(EpisodeNode.OPEN, List.copyOf(openNodes), new QuantizedVectors(dimensions),
                new SeenKeys(), new QuantizedVectors(dimensions), new GroupRecords());
    }
}
