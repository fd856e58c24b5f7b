package dev.loci.runtime.semantic.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the real all-MiniLM-L6-v2 from the langchain4j jar, offline (runs in CI, never skipped). */
class MiniLmEmbedderTest {
    @TempDir
    static Path cache;
    static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(cache, 2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void similarPhrasesRankAboveUnrelatedOnes() {
        Embedding query = embedder.embed("a cup in the kitchen");
        double similar = TextEmbedder.cosine(query, embedder.embed("red mug on the kitchen table"));
        double unrelated = TextEmbedder.cosine(query, embedder.embed("the robot battery is low"));

        assertThat(similar).isGreaterThan(unrelated + 0.25);
    }

    @Test
    void somethingToDrinkFindsTheBottleAmongOtherObjects() {
        List<String> labels = List.of("sofa", "water bottle", "television", "book shelf", "office chair");
        List<Embedding> vectors = embedder.embedAll(labels);
        Embedding query = embedder.embed("something to drink");

        String best = null;
        double bestScore = -2;
        for (int i = 0; i < labels.size(); i++) {
            double score = TextEmbedder.cosine(query, vectors.get(i));
            if (score > bestScore) {
                bestScore = score;
                best = labels.get(i);
            }
        }
        assertThat(best).isEqualTo("water bottle");
    }

    @Test
    void vectorsAreUnitLengthWith384Dimensions() {
        Embedding v = embedder.embed("kitchen");

        assertThat(v.dimensions()).isEqualTo(384).isEqualTo(embedder.dimensions());
        assertThat(TextEmbedder.cosine(v, v)).isCloseTo(1.0, within(1e-4));
    }

    /** The model's int8 layers quantize activations per batch, so a text's vector shifts slightly with its batch. */
    @Test
    void batchedVectorsMatchSingleOnes() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 70; i++) { // more than one model batch
            texts.add("object number " + i + " on shelf " + (i % 7));
        }
        List<Embedding> batched = embedder.embedAll(texts);

        assertThat(batched).hasSize(70);
        for (int i : new int[] {0, 33, 69}) {
            assertThat(TextEmbedder.cosine(batched.get(i), embedder.embed(texts.get(i)))).isCloseTo(1.0, within(0.02));
        }
    }

    @Test
    void concurrentCallersGetTheSameVectors() throws Exception {
        Embedding expected = embedder.embed("a green apple in the fridge");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Embedding>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<Embedding> task = () -> embedder.embed("a green apple in the fridge");
                results.add(pool.submit(task));
            }
            for (Future<Embedding> result : results) {
                assertThat(TextEmbedder.cosine(result.get(), expected)).isCloseTo(1.0, within(1e-4));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelIsExtractedOnceIntoTheCacheDirectory() {
        assertThat(cache.resolve("model").resolve("all-minilm-l6-v2-q.onnx")).isRegularFile();
        assertThat(cache.resolve("model").resolve("tokenizer.json")).isRegularFile();
        try (MiniLmEmbedder second = new MiniLmEmbedder(cache, 1)) {
            assertThat(second.embed("kitchen")).isEqualTo(embedder.embed("kitchen"));
        }
        assertThat(cache.resolve("model").toFile().list()).doesNotContain("tokenizer.json.part");
    }

    @Test
    void refusesEmptyTextNamingTheIndex() {
        assertThatThrownBy(() -> embedder.embedAll(List.of("fine", " ")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("texts[1]"));
    }

    @Test
    void nothingIsDownloaded() throws Exception {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        try (var files = Files.list(cache.resolve("model"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("all-minilm-l6-v2-q.onnx", "tokenizer.json");
        }
    }
}
