package dev.loci.bench.semantic;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import dev.loci.runtime.semantic.index.ItemKey;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.runtime.semantic.index.VectorFilter;
import dev.loci.runtime.semantic.index.VectorIndex;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the int8 search's time and answers follow its rescoring budget: the {@link TextQueryBenchmark} corpus and
 * questions, one {@link VectorIndex} per budget (candidates rescored per result asked for), search alone (no
 * embedding), top 10. Prints p50/p99 of 2,000 timed searches after 1,000 untimed ones, and the share of the
 * exact int8 top 10 each budget finds. Plain main class: {@code RescoreBudgetRun [items] [budget ...]}.
 */
public final class RescoreBudgetRun {
    private static final int WARMUP = 1_000;
    private static final int TIMED = 2_000;

    private RescoreBudgetRun() {
    }

    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] budgets = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {200, 100, VectorIndex.RESCORE_PER_RESULT, 25};
        MiniLmEmbedder embedder = new MiniLmEmbedder(Path.of(System.getProperty("java.io.tmpdir"),
                "loci-bench-models"), 1);
        List<String> texts = MemoryTexts.generate(items, 5);
        float[][] vectors = CorpusVectors.of(texts, embedder);
        float[][] questions = MemoryTexts.questions().stream().map(q -> embedder.embed(q).toArray())
                .toArray(float[][]::new);
        for (int budget : budgets) {
            VectorIndex index = new VectorIndex(MiniLmEmbedder.DIMENSIONS, VectorIndex.SKETCH_FROM, budget);
            for (int id = 0; id < items; id++) {
                index.put(new SemanticItem(new ItemKey(ItemKind.OBJECT, id), RobotId.of("robot_" + (id % 4)),
                        Timestamp.ofSeconds(id), Optional.of(new Vec3(id % 100, id / 1000 % 100, 0.5)), "thing",
                        texts.get(id)), vectors[id]);
            }
            int found = 0;
            for (float[] question : questions) {
                Set<Long> exact = new HashSet<>();
                index.searchExact(question, VectorFilter.ANY, 10).forEach(hit -> exact.add(hit.item().key().id()));
                found += (int) index.search(question, VectorFilter.ANY, 10).stream()
                        .filter(hit -> exact.contains(hit.item().key().id())).count();
            }
            long[] nanos = new long[TIMED];
            for (int i = 0; i < WARMUP + TIMED; i++) {
                float[] question = questions[i % questions.length];
                long started = System.nanoTime();
                index.search(question, VectorFilter.ANY, 10);
                if (i >= WARMUP) {
                    nanos[i - WARMUP] = System.nanoTime() - started;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("rescore %d per result: search p50 %.2f ms, p99 %.2f ms; share of the exact int8 top 10"
                    + " found %.3f%n", budget, nanos[TIMED / 2] / 1e6, nanos[TIMED * 99 / 100] / 1e6,
                    found / (10.0 * questions.length));
        }
    }
}
