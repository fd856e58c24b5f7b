package dev.loci.bench.episodic;

import dev.loci.episodic.chunk.ChunkMemory;
import dev.loci.episodic.chunk.ChunkSettings;
import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.EventTrace;
import dev.loci.episodic.chunk.RecallQuery;
import dev.loci.episodic.chunk.RecallResult;
import dev.loci.episodic.synthetic.RecallQueries;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hierarchical recall (sessions -> task groups -> episodes -> events) against the exhaustive scan over the same
 * index, on a synthetic building history ({@code SyntheticHistory} from episodic-memory's test-jar) of {@code events}
 * events from 2 robots, embedded with a 256-dimension
 * hashing embedder and chunked by the real segmenter. Queries alternate between the two kinds below. Latency
 * percentiles come from JMH's sample mode (p0.50, p0.99); the setup of the hierarchical trial prints, per kind
 * of question (about a past task: a delivery or patrol; about where an item was seen), the top-10 agreement with
 * the scan and the share of events scored, for the beams the latency runs use and a few others.
 *
 * <p>{@code java -Djmh.ignoreLock=true -jar benchmarks/target/loci-benchmarks.jar HierarchicalRecallBenchmark -f 1
 * -wi 2 -i 3} (a {@code -jvmArgsAppend} on the command line replaces the {@code @Fork} one: repeat -Xms5g -Xmx5g)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
public class HierarchicalRecallBenchmark {
    private static final int DIMENSIONS = 256;
    private static final int QUESTIONS_PER_KIND = 100;

    @Param("1000000")
    public int events;

    /** hierarchical or exhaustive. */
    @Param({"hierarchical", "exhaustive"})
    public String path;

    /** Sessions descended into; 0: as {@link ChunkMemory#query} sizes it (half of the sessions). */
    @Param("0")
    public int sessionBeam;

    /** Session keys (task groups) descended into; 0: as {@link ChunkMemory#query} sizes it. */
    @Param("0")
    public int groupBeam;

    /** Episodes whose events are scored; 0: as {@link ChunkMemory#query} sizes it. */
    @Param("0")
    public int episodeBeam;

    private ChunkMemory memory;
    private final List<RecallQuery> queries = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void build() {
        HashingEmbedder embedder = new HashingEmbedder(DIMENSIONS);
        SyntheticHistory building = new SyntheticHistory(42, 0.05, 2);
        TreeMap<Long, EventTrace> traces = new TreeMap<>();
        TreeMap<Long, Chunk> chunks = new TreeMap<>();
        memory = new ChunkMemory(traces, chunks, embedder, ChunkSettings.DEFAULT, building::label);
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            memory.observe(building.next());
        }
        System.out.printf(Locale.ROOT, "%nbuilt %s in %.1f s (embedding, segmentation, chunking)%n", memory.stats(),
                (System.nanoTime() - started) / 1e9);
        RecallQuery sized = memory.query(embedder.embed("sizing"), 10);
        int[] chosen = {sessionBeam > 0 ? sessionBeam : sized.sessionBeam(),
                groupBeam > 0 ? groupBeam : sized.groupBeam(), episodeBeam > 0 ? episodeBeam : sized.episodeBeam()};
        System.out.printf(Locale.ROOT, "beams for the latency runs: %d sessions, %d groups, %d episodes%n",
                chosen[0], chosen[1], chosen[2]);

        List<String> taskQuestions = RecallQueries.aboutTasks(building.recallableTasks(), QUESTIONS_PER_KIND, 5);
        List<String> sightingQuestions = RecallQueries.aboutSightings(building.sightings(), QUESTIONS_PER_KIND, 6);
        for (int i = 0; i < QUESTIONS_PER_KIND; i++) {
            queries.add(query(embedder, taskQuestions.get(i), chosen));
            queries.add(query(embedder, sightingQuestions.get(i), chosen));
        }
        if (path.equals("hierarchical")) {
            reportAgreement(embedder, taskQuestions, sightingQuestions, chosen);
        }
    }

    private static RecallQuery query(HashingEmbedder embedder, String question, int[] beams) {
        return RecallQuery.of(embedder.embed(question), 10).beams(beams[0], beams[1], beams[2]);
    }

    @Benchmark
    public RecallResult recall() {
        RecallQuery query = queries.get(next++ % queries.size());
        return path.equals("hierarchical") ? memory.recall(query) : memory.scan(query);
    }

    /** Agreement with the exhaustive top-10 and events scored, for a few beam widths (exact answers reused). */
    private void reportAgreement(HashingEmbedder embedder, List<String> tasks, List<String> sightings,
                                 int[] chosen) {
        // The grid can be changed with -Dloci.bench.sessionBeams=a,b -Dloci.bench.groupBeams=c
        // -Dloci.bench.episodeBeams=d,e (passed to the fork with -jvmArgsAppend).
        List<int[]> beams = new ArrayList<>();
        for (int sessions : ints("loci.bench.sessionBeams", "1088,2177")) {
            for (int groups : ints("loci.bench.groupBeams", "4096")) {
                for (int episodes : ints("loci.bench.episodeBeams", "2048,4096")) {
                    beams.add(new int[] {sessions, groups, episodes});
                }
            }
        }
        beams.add(chosen);
        for (String kind : List.of("tasks", "sightings")) {
            List<String> questions = kind.equals("tasks") ? tasks : sightings;
            List<Set<Long>> exact = new ArrayList<>();
            long scanNanos = 0;
            for (String question : questions) {
                long t = System.nanoTime();
                exact.add(new HashSet<>(memory.scan(RecallQuery.of(embedder.embed(question), 10)).hitIds()));
                scanNanos += System.nanoTime() - t;
            }
            for (int[] beam : beams) {
                int same = 0;
                double recall = 0;
                double scored = 0;
                double maxScored = 0;
                long nanos = 0;
                for (int i = 0; i < questions.size(); i++) {
                    RecallQuery query = RecallQuery.of(embedder.embed(questions.get(i)), 10)
                            .beams(beam[0], beam[1], beam[2]);
                    long t = System.nanoTime();
                    RecallResult result = memory.recall(query);
                    nanos += System.nanoTime() - t;
                    Set<Long> found = new HashSet<>(result.hitIds());
                    if (found.equals(exact.get(i))) {
                        same++;
                    }
                    found.retainAll(exact.get(i));
                    recall += found.size() / 10.0;
                    scored += result.cost().fractionScored();
                    maxScored = Math.max(maxScored, result.cost().fractionScored());
                }
                int n = questions.size();
                System.out.printf(Locale.ROOT, "agreement %-9s beams %4d sessions %5d groups %5d episodes: same"
                                + " top-10 %.3f, recall@10 %.3f, events scored mean %.4f max %.4f (mean %.2f ms vs"
                                + " scan %.1f ms, unwarmed)%n", kind, beam[0], beam[1], beam[2], (double) same / n,
                        recall / n, scored / n, maxScored, nanos / 1e6 / n, scanNanos / 1e6 / n);
            }
        }
    }

    private static int[] ints(String property, String fallback) {
        String[] parts = System.getProperty(property, fallback).split(",");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i].trim());
        }
        return values;
    }
}
