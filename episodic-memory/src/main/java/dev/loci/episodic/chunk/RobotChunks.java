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
    String openSessionName;

    RobotChunks(RobotHistory history) {
        this.history = history;
        this.openSum = new float[history.dimensions()];
    }

    /** The open tail as an episode node, or null when every event is in a closed episode. */
    EpisodeNode tailNode() {
        if (history.chunkedUpTo() == history.size()) {
            return null;
        }
        return new EpisodeNode(EpisodeNode.OPEN, history, history.chunkedUpTo(), history.size(),
                Vectors.normalised(history.tailSum()), "open tail");
    }

    /**
     * The open session as a node: its closed episodes and the tail, with the normalised mean of their unit
     * vectors; null when there is nothing open.
     */
    SessionNode openSessionNode() {
        EpisodeNode tail = tailNode();
        if (openNodes.isEmpty() && tail == null) {
            return null;
        }
        List<EpisodeNode> episodes = new ArrayList<>(openNodes);
        float[] sum = openSum.clone();
        if (tail != null) {
            episodes.add(tail);
            Vectors.add(sum, tail.vector);
        }
        return new SessionNode(EpisodeNode.OPEN, episodes, Vectors.normalised(sum));
    }
}
