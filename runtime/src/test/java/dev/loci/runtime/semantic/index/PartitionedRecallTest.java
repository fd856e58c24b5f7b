package dev.loci.runtime.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recall@10 against exact float32 of the search that reads only the nearest sketch clusters, on real
 * all-MiniLM-L6-v2 vectors of 20,000 distinct memory-like texts (100 clusters; each search reads the nearest
 * fifth of the items and rescores the default 50 per result). Small corpora cluster coarsely, so this is the
 * smallest size where the test says something about the 50k+ indexes that use clusters by default.
 */
class PartitionedRecallTest {
    private static final int ITEMS = 20_000;
    @TempDir
    static Path cache;

    @Test
    void searchOverTheNearestSketchClustersKeepsRecallAt10AtLeast095AgainstFloat32() {
        List<float[]> corpus;
        List<float[]> queries;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(cache, 1)) {
            List<String> scene = SceneTexts.generate(ITEMS, 13);
            List<String> texts = IntStream.range(0, ITEMS).mapToObj(i -> scene.get(i) + " at stop " + i % 997).toList();
            corpus = embedder.embedAll(texts).stream().map(Embedding::toArray).toList();
            queries = embedder.embedAll(SceneTexts.questions()).stream().map(Embedding::toArray).toList();
        }
        VectorIndex clustered = new VectorIndex(MiniLmEmbedder.DIMENSIONS, 0, VectorIndex.RESCORE_PER_RESULT, 0,
                Runnable::run);
        VectorIndex whole = new VectorIndex(MiniLmEmbedder.DIMENSIONS, 0, VectorIndex.RESCORE_PER_RESULT,
                Integer.MAX_VALUE, Runnable::run);
        Float32Scan reference = new Float32Scan(MiniLmEmbedder.DIMENSIONS);
        for (int i = 0; i < ITEMS; i++) {
            SemanticItem item = new SemanticItem(new ItemKey(ItemKind.OBJECT, i), RobotId.of("robot_1"),
                    Timestamp.ofSeconds(i), Optional.empty(), "thing", "text " + i);
            clustered.put(item, corpus.get(i));
            whole.put(item, corpus.get(i));
            reference.add(corpus.get(i));
        }
        clustered.search(queries.get(0), VectorFilter.ANY, 10); // the first search asks for the clusters
        assertThat(clustered.partitioned()).isTrue();

        double recall = recallAt10(clustered, reference, queries);
        double wholeRecall = recallAt10(whole, reference, queries);

        System.out.printf("recall@10 vs float32, %d items: nearest sketch clusters %.4f, whole sketch %.4f%n", ITEMS,
                recall, wholeRecall);
        assertThat(whole.partitioned()).isFalse();
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }

    private static double recallAt10(VectorIndex index, Float32Scan reference, List<float[]> queries) {
        int found = 0;
        for (float[] query : queries) {
            Set<Long> truth = new HashSet<>();
            for (int slot : reference.top(query, 10)) {
                truth.add((long) slot);
            }
            found += (int) index.search(query, VectorFilter.ANY, 10).stream()
                    .filter(hit -> truth.contains(hit.item().key().id())).count();
        }
        return found / (10.0 * queries.size());
    }
}
