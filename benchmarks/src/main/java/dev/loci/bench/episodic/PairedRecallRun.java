package dev.loci.bench.episodic;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.ChunkMemory;
import dev.loci.episodic.chunk.ChunkSettings;
import dev.loci.episodic.chunk.EventTrace;
import dev.loci.episodic.chunk.RecallQuery;
import dev.loci.episodic.chunk.RecallResult;
import dev.loci.episodic.synthetic.RecallQueries;
import dev.loci.episodic.synthetic.SyntheticHistory;
import dev.loci.spatial.embedding.HashingEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hierarchical recall against the exhaustive scan, paired: every question is answered by both paths back to
 * back (which one goes first alternates), so both see the same machine load and the per-question ratio is fair
 * on a shared machine, unlike JMH trials minutes apart. Same memory and questions as
 * {@link HierarchicalRecallBenchmark} (seeded {@code SyntheticHistory}, 2 robots, 256-dimension hashing vectors,
 * beams sized by {@link ChunkMemory#query}). Prints agreement with the exact top 10 per kind of question, then
 * medians and p99 of each path and of the per-question ratio scan / hierarchical; the same for further beams
 * given as {@code -Dloci.bench.beams=sessions,groups,episodes;...}.
 *
 * <p>{@code java -Xms5g -Xmx5g -cp benchmarks/target/loci-benchmarks.jar dev.loci.bench.episodic.PairedRecallRun
 * [events] [rounds]} (defaults 1,000,000 and 5; 100 questions of each kind per round, one unrecorded warm-up round).
 */
public final class PairedRecallRun {
    private static final int DIMENSIONS = 256;
    private static final int QUESTIONS_PER_KIND = 100;

    private PairedRecallRun() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        HashingEmbedder embedder = new HashingEmbedder(DIMENSIONS);
        SyntheticHistory building = new SyntheticHistory(42, 0.05, 2);
        ChunkMemory memory = new ChunkMemory(new TreeMap<Long, EventTrace>(), new TreeMap<Long, Chunk>(), embedder,
                ChunkSettings.DEFAULT, building::label);
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            memory.observe(building.next());
        }
        System.out.printf(Locale.ROOT, "built %s in %.1f s%n", memory.stats(), (System.nanoTime() - started) / 1e9);
        List<String> tasks = RecallQueries.aboutTasks(building.recallableTasks(), QUESTIONS_PER_KIND, 5);
        List<String> sightings = RecallQueries.aboutSightings(building.sightings(), QUESTIONS_PER_KIND, 6);
        List<RecallQuery> taskQueries = tasks.stream().map(q -> memory.query(embedder.embed(q), 10)).toList();
        List<RecallQuery> sightingQueries = sightings.stream().map(q -> memory.query(embedder.embed(q), 10)).toList();
        RecallQuery sized = taskQueries.get(0);
        List<int[]> grid = new ArrayList<>();
        grid.add(new int[] {sized.sessionBeam(), sized.groupBeam(), sized.episodeBeam()});
        // more beams to compare: -Dloci.bench.beams=sessions,groups,episodes;sessions,groups,episodes
        for (String beams : System.getProperty("loci.bench.beams", "").split(";")) {
            if (!beams.isBlank()) {
                grid.add(Arrays.stream(beams.split(",")).mapToInt(b -> Integer.parseInt(b.trim())).toArray());
            }
        }
        List<Set<Long>> taskTop = exact(memory, taskQueries);
        List<Set<Long>> sightingTop = exact(memory, sightingQueries);
        for (int[] beams : grid) {
            System.out.printf(Locale.ROOT, "beams: %d sessions, %d groups, %d episodes%s%n", beams[0], beams[1],
                    beams[2], beams == grid.get(0) ? " (as ChunkMemory.query sizes them)" : "");
            List<RecallQuery> tasksHere = beams(taskQueries, beams);
            List<RecallQuery> sightingsHere = beams(sightingQueries, beams);
            agreement("tasks", memory, tasksHere, taskTop);
            agreement("sightings", memory, sightingsHere, sightingTop);
            List<RecallQuery> all = new ArrayList<>();
            for (int i = 0; i < QUESTIONS_PER_KIND; i++) {
                all.add(tasksHere.get(i));
                all.add(sightingsHere.get(i));
            }
            time(memory, all, 1); // warm-up, not recorded
            long[][] timed = time(memory, all, rounds);
            System.out.printf(Locale.ROOT, "paired timing: %d rounds x %d questions (tasks and sightings"
                    + " alternate), load %s%n", rounds, all.size(), loadAverage());
            summary("hierarchical", timed[0], 1e-6, "ms");
            summary("scan", timed[1], 1e-6, "ms");
            long[] ratios = new long[timed[0].length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = Math.round(1000.0 * timed[1][i] / timed[0][i]); // per mille
            }
            summary("ratio scan/hier", ratios, 1e-3, "x");
            System.out.printf(Locale.ROOT, "ratio of medians %.2fx, of p99s %.2fx%n",
                    (double) at(timed[1], 50) / at(timed[0], 50), (double) at(timed[1], 99) / at(timed[0], 99));
        }
        System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    }

    private static List<RecallQuery> beams(List<RecallQuery> queries, int[] beams) {
        return queries.stream().map(q -> q.beams(beams[0], beams[1], beams[2])).toList();
    }

    /** The exhaustive top 10 of each query. */
    private static List<Set<Long>> exact(ChunkMemory memory, List<RecallQuery> queries) {
        return queries.stream().map(q -> (Set<Long>) new HashSet<>(memory.scan(q).hitIds())).toList();
    }

    private static void agreement(String kind, ChunkMemory memory, List<RecallQuery> queries,
                                  List<Set<Long>> exactTop) {
        int same = 0;
        double recall = 0;
        double scored = 0;
        double maxScored = 0;
        for (int q = 0; q < queries.size(); q++) {
            Set<Long> exact = exactTop.get(q);
            RecallResult result = memory.recall(queries.get(q));
            Set<Long> found = new HashSet<>(result.hitIds());
            if (found.equals(exact)) {
                same++;
            }
            found.retainAll(exact);
            recall += found.size() / (double) exact.size();
            scored += result.cost().fractionScored();
            maxScored = Math.max(maxScored, result.cost().fractionScored());
        }
        int n = queries.size();
        System.out.printf(Locale.ROOT, "agreement %-9s same top-10 %.3f, recall@10 %.3f, events scored mean %.4f"
                + " max %.4f%n", kind, (double) same / n, recall / n, scored / n, maxScored);
    }

    /** Nanoseconds per answer, [0] hierarchical and [1] scan, paired by index. */
    private static long[][] time(ChunkMemory memory, List<RecallQuery> queries, int rounds) {
        long[][] nanos = new long[2][rounds * queries.size()];
        long sink = 0;
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (RecallQuery query : queries) {
                boolean hierarchicalFirst = (n & 1) == 0;
                for (int pass = 0; pass < 2; pass++) {
                    boolean hierarchical = hierarchicalFirst == (pass == 0);
                    long t = System.nanoTime();
                    RecallResult result = hierarchical ? memory.recall(query) : memory.scan(query);
                    nanos[hierarchical ? 0 : 1][n] = System.nanoTime() - t;
                    sink += result.hits().size();
                }
                n++;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return nanos;
    }

    private static void summary(String what, long[] values, double unit, String unitName) {
        System.out.printf(Locale.ROOT, "%-16s p50 %8.2f %s, p90 %8.2f, p99 %8.2f, min %8.2f, max %8.2f%n", what,
                at(values, 50) * unit, unitName, at(values, 90) * unit, at(values, 99) * unit, at(values, 0) * unit,
                at(values, 100) * unit);
    }

    /** Nearest-rank percentile (0: the minimum). */
    private static long at(long[] values, double percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? Files.readString(proc).trim() : "unknown";
    }
}
