package dev.loci.episodic.chunk;

import java.util.List;

/**
 * A session in the retrieval index: its episodes, its summary vector and its retrieval keys (see
 * {@link SessionKeys}); id {@link EpisodeNode#OPEN} for a robot's open session.
 */
final class SessionNode {
    final long chunkId;
    final List<EpisodeNode> episodes;
    final float[] vector;
    final float[][] keys;

    SessionNode(long chunkId, List<EpisodeNode> episodes, float[] vector) {
        this.chunkId = chunkId;
        this.episodes = episodes;
        this.vector = vector;
        this.keys = SessionKeys.of(episodes, vector.length);
    }

    /** The best key's cosine with the query. */
    double score(float[] q) {
        double best = Double.NEGATIVE_INFINITY;
        for (float[] key : keys) {
            best = Math.max(best, Vectors.dot(q, key));
        }
        return best;
    }
}
