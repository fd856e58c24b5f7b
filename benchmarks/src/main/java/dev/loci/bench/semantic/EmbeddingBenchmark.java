package dev.loci.bench.semantic;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import dev.loci.spatial.observation.Embedding;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * all-MiniLM-L6-v2 throughput on one thread: one sentence per call, and batches of 64 (embeddings per second
 * = ops/s for {@code single}, 64 x ops/s for {@code batch64}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EmbeddingBenchmark {
    private MiniLmEmbedder embedder;
    private List<String> texts;
    private int next;

    @Setup
    public void load() {
        embedder = new MiniLmEmbedder(Path.of(System.getProperty("java.io.tmpdir"), "loci-bench-models"), 1);
        texts = MemoryTexts.generate(64 * 100, 11);
    }

    @TearDown
    public void close() {
        embedder.close();
    }

    @Benchmark
    public Embedding single() {
        next = (next + 1) % texts.size();
        return embedder.embed(texts.get(next));
    }

    @Benchmark
    public List<Embedding> batch64() {
        next = (next + 64) % texts.size();
        return embedder.embedAll(texts.subList(next, next + 64));
    }
}
