package dev.loci.bench.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact float32 answer a text query is checked against. The workload's texts repeat (a thousand objects
 * are all "mug"), so many items tie; recall@k therefore counts a returned text as right when its exact score
 * reaches the k-th best exact score over all indexed items (with their multiplicities), whichever of the tied
 * items a store picked.
 */
final class TextReference {
    /** Scores are float32 sums in different orders: equal within this. */
    private static final float TOLERANCE = 1e-5f;

    private final TextCorpus corpus;
    private final Map<String, Long> counts;
    private final long items;
    private final Map<String, float[]> questionVectors = new HashMap<>();
    private final Map<String, Float> thresholds = new HashMap<>();

    /** {@code counts}: how many indexed items carry each text. */
    TextReference(TextCorpus corpus, Map<String, Long> counts) {
        this.corpus = corpus;
        this.counts = Map.copyOf(counts);
        this.items = counts.values().stream().mapToLong(Long::longValue).sum();
    }

    long items() {
        return items;
    }

    /** Fraction of the expected {@code k} (or fewer, if the memory is smaller) that {@code answer} got right. */
    double recall(String question, List<String> answer, int k) {
        float[] q = questionVectors.computeIfAbsent(question, corpus::embedQuestion);
        float threshold = thresholds.computeIfAbsent(question, x -> kthScore(q, k));
        long expected = Math.min(k, items);
        int right = 0;
        for (String text : answer.subList(0, (int) Math.min(answer.size(), expected))) {
            if (counts.containsKey(text) && dot(corpus.vectorOf(text), q) >= threshold - TOLERANCE) {
                right++;
            }
        }
        return expected == 0 ? 1.0 : right / (double) expected;
    }

    private float kthScore(float[] q, int k) {
        List<Map.Entry<String, Long>> texts = new ArrayList<>(counts.entrySet());
        Map<String, Float> scores = new HashMap<>();
        for (Map.Entry<String, Long> t : texts) {
            scores.put(t.getKey(), dot(corpus.vectorOf(t.getKey()), q));
        }
        texts.sort((a, b) -> Float.compare(scores.get(b.getKey()), scores.get(a.getKey())));
        long seen = 0;
        for (Map.Entry<String, Long> t : texts) {
            seen += t.getValue();
            if (seen >= k) {
                return scores.get(t.getKey());
            }
        }
        return Float.NEGATIVE_INFINITY;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
