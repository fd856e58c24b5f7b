package dev.loci.bench.peers;

import dev.loci.bench.workload.ObjectCatalog;
import dev.loci.episodic.event.Event;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.observation.Embedding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The texts of the workload (object labels as Loci's semantic memory words them, event descriptions), each
 * embedded once by the real model before anything is timed, and handed to every store: so the text workload
 * compares storage and search, not three runs of the model over the same corpus. A text outside the corpus
 * (a question, a chunk summary) goes to the model every time it is asked for.
 */
final class TextCorpus implements TextEmbedder {
    private static final int EMBED_SLICE = 1_024;

    private final TextEmbedder model;
    private final Map<String, float[]> vectors = new HashMap<>();
    private final double embedSeconds;
    private long textsFromModel;

    TextCorpus(TextEmbedder model, List<Event> events) {
        this.model = model;
        Set<String> texts = new LinkedHashSet<>();
        for (String label : ObjectCatalog.labels()) {
            texts.add(objectText(label));
        }
        for (Event e : events) {
            texts.add(eventText(e.description()));
        }
        List<String> distinct = new ArrayList<>(texts);
        long start = System.nanoTime();
        // Slices in parallel: the embedder serves as many callers as it has predictors.
        int slices = (distinct.size() + EMBED_SLICE - 1) / EMBED_SLICE;
        List<List<Embedding>> embedded = IntStream.range(0, slices).parallel()
                .mapToObj(i -> model.embedAll(distinct.subList(i * EMBED_SLICE,
                        Math.min(distinct.size(), (i + 1) * EMBED_SLICE))))
                .toList();
        embedSeconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i / EMBED_SLICE).get(i % EMBED_SLICE).toArray());
        }
    }

    /** An object's text: its label in words (the workload's objects have no attributes), as Loci indexes it. */
    static String objectText(String label) {
        return label.replace('_', ' ');
    }

    /** An event's text: its description (the workload's are short and printable, so Loci keeps them as they are). */
    static String eventText(String description) {
        return description.strip();
    }

    int distinctTexts() {
        return vectors.size();
    }

    double embedSeconds() {
        return embedSeconds;
    }

    /** The shared vector of a corpus text (not a copy: callers must not change it). */
    float[] vectorOf(String text) {
        float[] v = vectors.get(text);
        if (v == null) {
            throw new IllegalArgumentException("not a corpus text: " + text);
        }
        return v;
    }

    boolean contains(String text) {
        return vectors.containsKey(text);
    }

    /** A question's vector, always from the model (this is the part of a text query every store pays alike). */
    float[] embedQuestion(String question) {
        return model.embed(question).toArray();
    }

    /** Texts outside the corpus embedded by the model so far (questions asked through {@link #embed} included). */
    synchronized long textsFromModel() {
        return textsFromModel;
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public Embedding embed(String text) {
        float[] v = vectors.get(text);
        if (v != null) {
            return new Embedding(v);
        }
        countFromModel(1);
        return model.embed(text);
    }

    @Override
    public List<Embedding> embedAll(List<String> texts) {
        List<String> unknown = texts.stream().filter(t -> !vectors.containsKey(t)).toList();
        Map<String, Embedding> fromModel = new HashMap<>();
        if (!unknown.isEmpty()) {
            countFromModel(unknown.size());
            List<Embedding> embedded = model.embedAll(unknown);
            for (int i = 0; i < unknown.size(); i++) {
                fromModel.put(unknown.get(i), embedded.get(i));
            }
        }
        List<Embedding> result = new ArrayList<>(texts.size());
        for (String t : texts) {
            float[] v = vectors.get(t);
            result.add(v != null ? new Embedding(v) : fromModel.get(t));
        }
        return result;
    }

    private synchronized void countFromModel(int texts) {
        textsFromModel += texts;
    }
}
