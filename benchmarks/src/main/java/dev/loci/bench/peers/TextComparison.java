package dev.loci.bench.peers;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The text workload: "the 10 objects or events whose text best matches a question". The corpus is embedded
 * once by the real model (all-MiniLM-L6-v2) and every store indexes its own objects and events with those
 * shared vectors; each timed query embeds its question (the same model call for every store) and searches.
 * Every answer is checked against the exact float32 ranking (recall@10, ties counted as equal).
 */
final class TextComparison {
    static final int K = 10;
    private static final int WARMUP = 20;

    private final ComparisonSettings settings;
    private final Path models;
    private final PrintStream progress;

    TextComparison(ComparisonSettings settings, Path models, PrintStream progress) {
        this.settings = settings;
        this.models = models;
        this.progress = progress;
    }

    TextSummary run(List<PeerStore> stores, PeerWorkload workload, List<StoreResult> results) throws IOException {
        try (MiniLmEmbedder model = new MiniLmEmbedder(models, 2)) {
            TextCorpus corpus = new TextCorpus(model, workload.events);
            progress.printf("text corpus: %,d distinct texts embedded once in %.1f s%n", corpus.distinctTexts(),
                    corpus.embedSeconds());
            Map<String, Long> reference = null;
            for (int s = 0; s < stores.size(); s++) {
                PeerStore store = stores.get(s);
                StoreResult result = results.get(s);
                long t0 = System.nanoTime();
                long fromModel = corpus.textsFromModel();
                Map<String, Long> counts = store.indexTexts(corpus);
                store.finish();
                result.textIndexSeconds = (System.nanoTime() - t0) / 1e9;
                result.textItems = counts.values().stream().mapToLong(Long::longValue).sum();
                result.diskAfterTexts = store.bytesOnDisk();
                if (reference == null) {
                    reference = counts;
                } else if (!reference.equals(counts)) {
                    throw new IllegalStateException(store.name() + " indexed " + result.textItems + " texts, "
                            + stores.get(0).name() + " " + results.get(0).textItems + ": the stores hold different texts");
                }
                progress.printf("[%s] indexed %,d texts in %.1f s (%,d other texts embedded by the model), %,d MB on "
                        + "disk%n", store.name(), result.textItems, result.textIndexSeconds,
                        corpus.textsFromModel() - fromModel, result.diskAfterTexts >> 20);
            }
            TextReference exact = new TextReference(corpus, reference);
            TextQuestions questions = new TextQuestions(corpus);
            for (PeerStore store : stores) {
                for (int i = 0; i < Math.min(WARMUP, settings.textSamples()); i++) {
                    store.textSearch(questions.get(i), K);
                }
            }
            Latencies embedding = new Latencies();
            int perRound = settings.textSamples() / settings.rounds();
            int next = WARMUP;
            for (int round = 0; round < settings.rounds(); round++) {
                for (int s = 0; s < stores.size(); s++) {
                    StoreResult result = results.get(s);
                    for (int j = 0; j < perRound; j++) {
                        String question = questions.get(next + j);
                        long t0 = System.nanoTime();
                        List<String> answer = stores.get(s).textSearch(question, K);
                        result.textQueries.add(System.nanoTime() - t0);
                        result.addRecall(exact.recall(question, answer, K), question, answer);
                    }
                }
                for (int j = 0; j < perRound; j++) {
                    long t0 = System.nanoTime();
                    corpus.embedQuestion(questions.get(next + j));
                    embedding.add(System.nanoTime() - t0);
                }
                next += perRound;
                progress.printf("text queries: round %d / %d done%n", round + 1, settings.rounds());
            }
            return new TextSummary(corpus.distinctTexts(), corpus.embedSeconds(), questions.size(), exact.items(),
                    embedding);
        }
    }

    /** What the text workload measured beyond each store's figures. */
    record TextSummary(int distinctTexts, double corpusEmbedSeconds, int questions, long items,
                       Latencies questionEmbedding) {
    }
}
