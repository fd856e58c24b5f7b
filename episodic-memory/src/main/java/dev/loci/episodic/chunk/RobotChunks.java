package dev.loci.episodic.chunk;


import java.util.ArrayList;
import java.util.List;

/**
 * One robot's part of the hierarchy: its history, its closed sessions, and its open session (closed episodes
 * not yet in a session, plus the open tail of unchunked events).
 */
final class RobotChunks {
    final RobotHistory history;
    final List<SessionNode> sessions = new ArrayList<>();
    final List<Chunk> openEpisodes = new ArrayList<>();
    final List<EpisodeNode> openNodes = new ArrayList<>();
    final float[] openSum;
    /** Unit vectors of the robot's closed episodes, in order: a session's episodes are a contiguous run. */
    final PackedVectors episodeVectors;
    /** Keys of the robot's closed sessions, in order (int8: they are only ranked). */
    final QuantizedVectors sessionKeys;
    /** Objects-seen keys of the robot's closed sessions, in order, by label. */
    final SeenKeys seenKeys = new SeenKeys();
    /** The closed sessions' episode vectors again, grouped by session key (int8: only ranked). */
    final QuantizedVectors groupedEpisodes;
    String openSessionName;

    RobotChunks(RobotHistory history) {
        this.history = history;
        this.openSum = new float[history.dimensions()];
        this.episodeVectors = new PackedVectors(history.dimensions());
        this.sessionKeys = new QuantizedVectors(history.dimensions());
        this.groupedEpisodes = new QuantizedVectors(history.dimensions());
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
                new SeenKeys(), new QuantizedVectors(dimensions));
    }
}
