package dev.loci.episodic.chunk;

import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.observation.Embedding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of the objects episodes saw, each embedded once (int8, for ranking, stored by dimension: see
 * {@link PostingVectors}), and per episode the labels it saw. A question about where an item was seen scores
 * every label once, and a chunk's objects score is the score of its best label: the episode that saw the green bottle among a
 * dozen other objects scores as the bottle, not as a twelfth of it (the mean of the labels, used before, left 11%
 * of sighting questions at 1M events with a different top 10 than the exact scan; README-segmentation.md). Derived
 * from the stored chunks and the object labels on rebuild; nothing extra is stored.
 */
final class ObjectLabels {
    private final TextEmbedder embedder;
    private final SummaryWriter writer;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final PostingVectors vectors;
    private final float[] scratch;

    ObjectLabels(TextEmbedder embedder, SummaryWriter writer) {
        this.embedder = embedder;
        this.writer = writer;
        this.vectors = new PostingVectors(embedder.dimensions());
        this.scratch = new float[embedder.dimensions()];
    }

    /** The distinct labels the episode saw (indexes into this table, ascending), or null if it saw none. */
    int[] of(Chunk episode) {
        return of(episode, null);
    }

    /**
     * As {@link #of(Chunk)}, remembering each object's label index in {@code byObject} (if not null) for the next
     * episodes: a rebuild reads every episode, and building each object's label text again for every episode that
     * saw it was a twentieth of what a reopen allocated. Only while object labels cannot change (a rebuild).
     */
    int[] of(Chunk episode, Map<Long, Integer> byObject) {
        if (episode.objects().isEmpty()) {
            return null;
        }
        int[] seen = new int[episode.objects().size()];
        int n = 0;
        for (Long object : episode.objects()) {
            Integer known = byObject == null ? null : byObject.get(object);
            if (known == null) {
                known = index(writer.label(object));
                if (byObject != null) {
                    byObject.put(object, known);
                }
            }
            seen[n++] = known;
        }
        Arrays.sort(seen);
        int distinct = 0;
        for (int i = 0; i < seen.length; i++) {
            if (i == 0 || seen[i] != seen[i - 1]) {
                seen[distinct++] = seen[i];
            }
        }
        return distinct == seen.length ? seen : Arrays.copyOf(seen, distinct);
    }

    /** The index of {@code label}, embedded and added on first sight. */
    int index(String label) {
        Integer index = indexes.get(label);
        if (index == null) {
            Embedding embedded = embedder.embed(label);
            if (embedded.dimensions() != scratch.length) {
                throw new IllegalArgumentException("label vector of " + embedded.dimensions()
                        + " dimensions in a store of " + scratch.length);
            }
            for (int i = 0; i < scratch.length; i++) {
                scratch[i] = embedded.get(i); // the vectors quantize it: no copy per label (a reopen embeds them all)
            }
            index = vectors.add(scratch);
            indexes.put(label, index);
        }
        return index;
    }

    int size() {
        return vectors.size();
    }

    /** Approximate scores of every label against the query, by label index, and which of them are not 0. */
    Scores scores(QuantizedVectors.Query query) {
        return scores(query, new float[size()], new int[size()]);
    }

    /**
     * As {@link #scores(QuantizedVectors.Query)}, into the given buffers (at least {@link #size()} long;
     * {@code nonZero} is also the integer sums' scratch before it is filled).
     */
    Scores scores(QuantizedVectors.Query query, float[] scores, int[] nonZero) {
        int size = vectors.size();
        vectors.dotAll(query, scores, nonZero);
        int n = 0;
        for (int label = 0; label < size; label++) {
            if (scores[label] != 0) {
                nonZero[n++] = label;
            }
        }
        return new Scores(scores, nonZero, n);
    }

    /** Every label's score, and the labels {@code nonZero[0, nonZeroCount)} whose score is not 0. */
    record Scores(float[] scores, int[] nonZero, int nonZeroCount) {
        Scores {
            if (nonZeroCount < 0 || nonZeroCount > nonZero.length) {
                throw new IllegalArgumentException("nonZeroCount " + nonZeroCount + " of " + nonZero.length);
            }
        }
    }

    /** The best score among {@code labels} (negative infinity for none). */
    static float best(float[] scores, int[] labels) {
        float best = Float.NEGATIVE_INFINITY;
        for (int label : labels) {
            best = Math.max(best, scores[label]);
        }
        return best;
    }

    /** Bytes of the label vectors and the label map (an estimate: ~64 bytes per map entry). */
    long retainedBytes() {
        return vectors.retainedBytes() + 48 + 64L * indexes.size();
    }
}
