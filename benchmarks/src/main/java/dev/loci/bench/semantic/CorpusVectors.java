package dev.loci.bench.semantic;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import dev.loci.spatial.observation.Embedding;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The benchmark corpus embedded by all-MiniLM-L6-v2, cached in the temp directory across runs and forks. The
 * cache is keyed by the count only: {@code texts} must be {@code MemoryTexts.generate(count, 5)}.
 */
final class CorpusVectors {
    private CorpusVectors() {
    }

    /**
     * The corpus embedded by the model; kept in a file in the temp directory so that the forks of the other
     * benchmark methods (and later runs) do not embed 100k texts again.
     */
    static float[][] of(List<String> texts, MiniLmEmbedder embedder) throws IOException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "loci-bench-minilm-" + texts.size() + "-5.f32");
        float[][] vectors = new float[texts.size()][];
        if (Files.exists(cache) && Files.size(cache) == (long) texts.size() * MiniLmEmbedder.DIMENSIONS * 4) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                for (int i = 0; i < vectors.length; i++) {
                    vectors[i] = new float[MiniLmEmbedder.DIMENSIONS];
                    for (int d = 0; d < MiniLmEmbedder.DIMENSIONS; d++) {
                        vectors[i][d] = in.readFloat();
                    }
                }
            }
            System.out.printf("%n[setup] read %d corpus vectors from %s%n", texts.size(), cache);
            return vectors;
        }
        long started = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 1024) {
            List<Embedding> batch = embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + 1024)));
            for (int i = 0; i < batch.size(); i++) {
                vectors[from + i] = batch.get(i).toArray();
            }
        }
        System.out.printf("%n[setup] embedded %d texts in %.1f s%n", texts.size(), (System.nanoTime() - started) / 1e9);
        Path partial = cache.resolveSibling(cache.getFileName() + ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            for (float[] v : vectors) {
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
        }
        Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING);
        return vectors;
    }
}
