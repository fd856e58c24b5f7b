package dev.loci.spatial.embedding;

import dev.loci.spatial.observation.Embedding;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a unit-length vector so that similar texts have a high dot product. Implementations:
 * {@link HashingEmbedder} (lexical, instant, no model) and the runtime's neural sentence embedder.
 * Implementations are thread-safe.
 */
public interface TextEmbedder {
    /** Length of every vector this embedder returns. */
    int dimensions();

    Embedding embed(String text);

    /** Embeds many texts; implementations that batch override this. */
    default List<Embedding> embedAll(List<String> texts) {
        List<Embedding> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    /** Dot product of two unit vectors: their cosine similarity. */
    static double cosine(Embedding a, Embedding b) {
        if (a.dimensions() != b.dimensions()) {
            throw new IllegalArgumentException("cannot compare " + a.dimensions() + " and " + b.dimensions()
                    + " dimensional vectors");
        }
        double dot = 0;
        for (int i = 0; i < a.dimensions(); i++) {
            dot += a.get(i) * b.get(i);
        }
        return dot;
    }
}
