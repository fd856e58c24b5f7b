package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.TextEmbedder;
import java.util.StringJoiner;

/**
 * The objects an episode saw, as a vector: the embedding of their labels (the summary's "Saw:" list). An
 * episode's mean vector carries an object seen in one of its fifteen events at a fifteenth of its weight, so a
 * question about where an item was seen ranks the episodes that saw it far down (measured: half of the
 * sighting misses were episodes never descended into, the other half sessions never chosen). Recall therefore
 * also keys each session by the objects its episodes saw (see {@link SessionKeys}), and scores the episodes
 * under that key by this vector. Derived from the stored chunk and the object labels, so nothing extra is stored.
 */
final class ObjectsSeen {
    private final TextEmbedder embedder;
    private final SummaryWriter labels;

    ObjectsSeen(TextEmbedder embedder, SummaryWriter labels) {
        this.embedder = embedder;
        this.labels = labels;
    }

    /** The unit vector of the episode's object labels, or null if it saw no object. */
    float[] of(Chunk episode) {
        if (episode.objects().isEmpty()) {
            return null;
        }
        StringJoiner text = new StringJoiner(", ");
        for (long object : episode.objects()) {
            text.add(labels.label(object));
        }
        return embedder.embed(text.toString()).toArray();
    }
}
