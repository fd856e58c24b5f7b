package dev.loci.launch.demo;

import dev.loci.launch.progress.ProgressLine;
import dev.loci.sim.world.WorldFiles;
import dev.loci.sim.world.WorldSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loci compare}: the demo's allocator comparison over several seeds. Per seed, the fleet explores, tasks
 * are chosen from memory, and they run once with embodiment-aware and once with nearest-robot allocation (the
 * manipulator crashing in both); prints per-seed and aggregate total task time and SPL, and writes them as a
 * Markdown table to {@code <data>/compare.md}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs the demo's exploration and tasks over several seeds, with embodiment-aware and with "
                + "nearest-robot allocation; prints per-seed and aggregate (median, wins) total task time and SPL."})
public final class CompareCommand implements Callable<Integer> {
    /** Seeds in one run, at most. */
    static final int MOST_SEEDS = 100;

    @Option(names = "--seeds", description = "Seeds: a range FROM..TO or a comma list (default: ${DEFAULT-VALUE}).",
            defaultValue = "1..5")
    String seeds;

    @Option(names = "--world", description = "Bundled world: household, restaurant or supermarket "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "household")
    String world;

    @Option(names = "--data", description = "Where the per-seed memories and compare.md go "
            + "(default: ${DEFAULT-VALUE}); the seeds' folders there are replaced.", defaultValue = "loci-data/compare")
    Path data;

    @Option(names = "--events", description = "Also print every task event (the demo's task lines).")
    boolean events;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final ProgressLine progress;

    public CompareCommand() {
        this(System.out);
    }

    CompareCommand(PrintStream out) {
        this.out = out;
        this.progress = ProgressLine.on(out);
    }

    @Override
    public Integer call() throws Exception {
        List<Long> chosenSeeds;
        try {
            chosenSeeds = parseSeeds(seeds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        WorldSpec worldSpec = new WorldFiles().bundled(world);
        progress.say(String.format(Locale.ROOT, "Loci allocator comparison: %s, seeds %s; embodiment-aware vs "
                + "nearest-robot allocation, %s crashing mid-run in both", world, chosenSeeds, FleetMember.FAILING));
        List<SeedComparison.Result> results = new ArrayList<>();
        long started = System.nanoTime();
        for (long seed : chosenSeeds) {
            SeedComparison.Result r = SeedComparison.run(worldSpec, DemoSettings.full(world, seed),
                    data.resolve("seed-" + seed), progress, events ? progress::say : line -> { });
            results.add(r);
            progress.say(perSeed(r));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        for (String line : aggregate(results)) {
            progress.say(line);
        }
        Files.createDirectories(data);
        Path table = Files.writeString(data.resolve("compare.md"), markdown(world, results, wall));
        progress.say(String.format(Locale.ROOT, "table: %s (%.0f s)", table.toAbsolutePath(), wall));
        return 0;
    }

    /** {@code 1..5}, {@code 3,7,9} or {@code 7}: distinct seeds in the order given. */
    static List<Long> parseSeeds(String text) {
        String t = text == null ? "" : text.trim();
        List<Long> seeds = new ArrayList<>();
        try {
            if (t.contains("..")) {
                String[] ends = t.split("\\.\\.", -1);
                long from = Long.parseLong(ends[0].trim());
                long to = Long.parseLong(ends[1].trim());
                if (ends.length != 2 || to < from || to - from >= MOST_SEEDS) {
                    throw new IllegalArgumentException("--seeds '" + text + "': a range FROM..TO needs FROM <= TO "
                            + "and at most " + MOST_SEEDS + " seeds");
                }
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            } else {
                for (String part : t.split(",", -1)) {
                    seeds.add(Long.parseLong(part.trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds '" + text + "' is not a range FROM..TO or a comma list of "
                    + "whole numbers");
        }
        List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(seeds));
        if (distinct.size() > MOST_SEEDS) {
            throw new IllegalArgumentException("--seeds '" + text + "' names more than " + MOST_SEEDS + " seeds");
        }
        return distinct;
    }

    static String perSeed(SeedComparison.Result r) {
        SeedComparison.Outcome e = r.embodiment();
        SeedComparison.Outcome n = r.nearest();
        return String.format(Locale.ROOT, "seed %d: embodiment %d/%d done, total %.1f s, SPL %.2f | "
                        + "nearest %d/%d done, "
                        + "total %.1f s, SPL %.2f | %s (nearest/embodiment %.2fx)", r.seed(), e.done(), e.tasks(),
                e.totalTaskSeconds(), e.spl(), n.done(), n.tasks(), n.totalTaskSeconds(), n.spl(),
                r.embodimentWins() ? "embodiment wins" : "nearest wins or ties", ratio(r));
    }

    static List<String> aggregate(List<SeedComparison.Result> results) {
        long wins = results.stream().filter(SeedComparison.Result::embodimentWins).count();
        long allDoneE = results.stream().filter(r -> r.embodiment().done() == r.embodiment().tasks()).count();
        long allDoneN = results.stream().filter(r -> r.nearest().done() == r.nearest().tasks()).count();
        return List.of(
                String.format(Locale.ROOT, "over %d seeds: embodiment beats nearest on total task time on %d; "
                        + "every task done on %d (embodiment) and %d (nearest) seeds", results.size(), wins,
                        allDoneE, allDoneN),
                String.format(Locale.ROOT, "median total task time %.1f s (embodiment) vs %.1f s (nearest); "
                                + "median of per-seed ratios nearest/embodiment %.2fx",
                        median(results, r -> r.embodiment().totalTaskSeconds()),
                        median(results, r -> r.nearest().totalTaskSeconds()), median(results, CompareCommand::ratio)),
                String.format(Locale.ROOT, "median SPL %.2f (embodiment) vs %.2f (nearest)",
                        median(results, r -> r.embodiment().spl()), median(results, r -> r.nearest().spl())));
    }

    static String markdown(String world, List<SeedComparison.Result> results, double wallSeconds) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "World `%s`; total task time in simulated seconds (sum over tasks of "
                + "submission to done); wall time of the whole run %.0f s.%n%n", world, wallSeconds));
        md.append("| seed | tasks | embodiment: done / total task time / SPL | nearest: done / total task time / SPL "
                + "| nearest / embodiment | winner |\n|---|---|---|---|---|---|\n");
        for (SeedComparison.Result r : results) {
            SeedComparison.Outcome e = r.embodiment();
            SeedComparison.Outcome n = r.nearest();
            md.append(String.format(Locale.ROOT,
                    "| %d | %d | %d/%d, %.1f s, %.2f | %d/%d, %.1f s, %.2f | %.2fx | %s |%n", r.seed(), e.tasks(),
                    e.done(), e.tasks(), e.totalTaskSeconds(), e.spl(), n.done(), n.tasks(), n.totalTaskSeconds(),
                    n.spl(), ratio(r), r.embodimentWins() ? "embodiment" : "nearest"));
        }
        md.append('\n');
        for (String line : aggregate(results)) {
            md.append(line.substring(0, 1).toUpperCase(Locale.ROOT)).append(line.substring(1)).append(".\n");
        }
        md.append("\nTasks per seed: ");
        List<String> perSeed = new ArrayList<>();
        for (SeedComparison.Result r : results) {
            perSeed.add("seed " + r.seed() + ": " + String.join("; ", r.tasks()));
        }
        md.append(String.join(". ", perSeed)).append(".\n");
        return md.toString();
    }

    /** How many times as long nearest-robot allocation took as embodiment-aware allocation, in total. */
    static double ratio(SeedComparison.Result r) {
        return r.nearest().totalTaskSeconds() / Math.max(1e-9, r.embodiment().totalTaskSeconds());
    }

    static double median(List<SeedComparison.Result> results, ToDoubleFunction<SeedComparison.Result> value) {
        double[] v = results.stream().mapToDouble(value).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
