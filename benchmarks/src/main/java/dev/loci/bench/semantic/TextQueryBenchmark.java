package dev.loci.bench.semantic;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import dev.loci.runtime.semantic.index.Float32Scan;
import dev.loci.runtime.semantic.index.Hit;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A question in words, top-10 over {@code items} real all-MiniLM-L6-v2 vectors of memory-like texts (four
 * robots), each time including the embedding of the question: the default int8 search (sign-sketch prefilter +
 * exact int8 rescoring above 20k candidates), the exact int8 scan, a robot-filtered search (a quarter of the
 * items), and the exact float32 scan as the peer; {@code embedOnly} is the query embedding alone. Setup embeds
 * the corpus (about a minute for 100k) and prints recall@10 of the int8 searches against float32.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class TextQueryBenchmark {
    @Param("100000")
    public int items;

    private MiniLmEmbedder embedder;
    private VectorIndex index;
    private Float32Scan float32;
    private List<String> questions;
    private float[][] embeddedQuestions;
    private int next;
    private final VectorFilter oneRobot = VectorFilter.ANY.ofRobots(Set.of(RobotId.of("robot_1")));

    @Setup
    public void build() throws IOException {
        embedder = new MiniLmEmbedder(Path.of(System.getProperty("java.io.tmpdir"), "loci-bench-models"), 2);
        index = new VectorIndex(MiniLmEmbedder.DIMENSIONS);
        float32 = new Float32Scan(MiniLmEmbedder.DIMENSIONS);
        List<String> texts = MemoryTexts.generate(items, 5);
        float[][] vectors = CorpusVectors.of(texts, embedder);
        for (int id = 0; id < items; id++) {
            index.put(new SemanticItem(new ItemKey(ItemKind.OBJECT, id), RobotId.of("robot_" + (id % 4)),
                    Timestamp.ofSeconds(id), Optional.of(new Vec3(id % 100, id / 1000 % 100, 0.5)), "thing",
                    texts.get(id)), vectors[id]);
            float32.add(vectors[id]);
        }
        questions = MemoryTexts.questions();
        embeddedQuestions = questions.stream().map(q -> embedder.embed(q).toArray()).toArray(float[][]::new);
        printRecall();
    }

    private void printRecall() {
        int sketched = 0;
        int exact = 0;
        for (String q : questions) {
            float[] query = embedder.embed(q).toArray();
            Set<Long> truth = new HashSet<>();
            for (int slot : float32.top(query, 10)) {
                truth.add((long) slot);
            }
            sketched += (int) index.search(query, VectorFilter.ANY, 10).stream()
                    .filter(h -> truth.contains(h.item().key().id())).count();
            exact += (int) index.searchExact(query, VectorFilter.ANY, 10).stream()
                    .filter(h -> truth.contains(h.item().key().id())).count();
        }
        System.out.printf("[setup] recall@10 vs float32 over %d questions: int8 default %.3f, int8 exact %.3f%n",
                questions.size(), sketched / (10.0 * questions.size()), exact / (10.0 * questions.size()));
    }

    @TearDown
    public void close() {
        embedder.close();
    }

    private float[] nextQuestion() {
        next = (next + 1) % questions.size();
        return embedder.embed(questions.get(next)).toArray();
    }

    @Benchmark
    public float[] embedOnly() {
        return nextQuestion();
    }

    /** The default search alone, on questions embedded in setup: what the index costs without the model. */
    @Benchmark
    public List<Hit> searchOnlyInt8Default() {
        next = (next + 1) % questions.size();
        return index.search(embeddedQuestions[next], VectorFilter.ANY, 10);
    }

    @Benchmark
    public int[] searchOnlyFloat32Exact() {
        next = (next + 1) % questions.size();
        return float32.top(embeddedQuestions[next], 10);
    }

    @Benchmark
    public List<Hit> int8Default() {
        return index.search(nextQuestion(), VectorFilter.ANY, 10);
    }

    @Benchmark
    public List<Hit> int8Exact() {
        return index.searchExact(nextQuestion(), VectorFilter.ANY, 10);
    }

    @Benchmark
    public List<Hit> int8OneRobotOfFour() {
        return index.search(nextQuestion(), oneRobot, 10);
    }

    @Benchmark
    public int[] float32Exact() {
        return float32.top(nextQuestion(), 10);
    }
}
