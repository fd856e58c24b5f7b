package dev.loci.spatial.embedding;

import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A lexical embedder: words and word pairs hashed into a fixed number of signed buckets, then normalised
 * (the "hashing trick"). Texts sharing words score high; synonyms do not. Deterministic across JVMs, needs no
 * model, and costs microseconds, which makes it the embedder for summaries of chunks at ingest speed and for
 * tests; the neural embedder is the one for questions in words.
 */
public final class HashingEmbedder implements TextEmbedder {
    /**
     * What separates words, compiled once: {@code String.split} compiled it on every call, and opening a store
     * embeds every object label (tens of thousands), where compiling was most of the time and the garbage.
     */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private final int dimensions;

    public HashingEmbedder(int dimensions) {
        if (dimensions < 8 || dimensions > Embedding.MAX_DIMENSIONS) {
            throw new InvalidValueException("dimensions", dimensions, "must be in [8, " + Embedding.MAX_DIMENSIONS
                    + "]");
        }
        this.dimensions = dimensions;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public Embedding embed(String text) {
        Require.present("text", text);
        float[] vector = new float[dimensions];
        String[] words = NOT_A_WORD.split(text.toLowerCase(Locale.ROOT));
        String previous = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            add(vector, word, 1.0f);
            if (previous != null) {
                add(vector, previous + " " + word, 0.5f);
            }
            previous = word;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1; // empty text: a fixed unit vector, so cosine stays defined
            return Embedding.adopting(vector);
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return Embedding.adopting(vector);
    }

    private void add(float[] vector, String token, float weight) {
        long hash = fnv1a(token);
        int bucket = (int) Long.remainderUnsigned(hash, dimensions);
        vector[bucket] += (hash & (1L << 63)) == 0 ? weight : -weight;
    }

    private static long fnv1a(String token) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
