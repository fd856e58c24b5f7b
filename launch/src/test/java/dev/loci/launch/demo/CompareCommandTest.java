package dev.loci.launch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The comparison's arithmetic and its command line (a whole seed runs in DemoCommandTest's time; not here). */
class CompareCommandTest {
    private static SeedComparison.Result seed(long seed, double embodiment, double nearest, long nearestDone) {
        return new SeedComparison.Result(seed, List.of("fetch the mug to the dresser"),
                new SeedComparison.Outcome(7, 7, embodiment, 0.9, 8, "none"),
                new SeedComparison.Outcome(nearestDone, 7, nearest, 0.7, 11, "none"));
    }

    @Test
    void seedsAreARangeOrAListAndAnythingElseIsRefusedNamingTheValue() {
        assertThat(CompareCommand.parseSeeds("1..5")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(CompareCommand.parseSeeds(" 7 ")).containsExactly(7L);
        assertThat(CompareCommand.parseSeeds("3,7,3,9")).containsExactly(3L, 7L, 9L);
        for (String bad : List.of("5..1", "a..b", "1..", "", "1;2", "0..100")) {
            assertThatThrownBy(() -> CompareCommand.parseSeeds(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine line = new CommandLine(new CompareCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)));
        line.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(line.execute("--seeds", "9..2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seeds '9..2'");
    }

    @Test
    void theAggregateCountsStrictWinsAndTakesMediansOfTimesRatiosAndSpl() {
        List<SeedComparison.Result> results = List.of(seed(1, 300, 420, 7), seed(2, 350, 330, 7),
                seed(3, 400, 400, 6), seed(4, 200, 300, 7), seed(5, 500, 600, 7));
        List<String> lines = CompareCommand.aggregate(results);

        assertThat(lines.get(0)).contains("over 5 seeds", "beats nearest on total task time on 3",
                "every task done on 5 (embodiment) and 4 (nearest)");
        // medians: embodiment {200,300,350,400,500} -> 350; nearest {300,330,400,420,600} -> 400;
        // ratios {1.4, 0.943, 1.0, 1.5, 1.2} -> 1.2
        assertThat(lines.get(1)).contains("350.0 s (embodiment) vs 400.0 s (nearest)", "1.20x");
        assertThat(lines.get(2)).contains("median SPL 0.90 (embodiment) vs 0.70 (nearest)");
        assertThat(CompareCommand.median(results.subList(0, 2), r -> r.embodiment().totalTaskSeconds()))
                .isEqualTo(325);
        assertThat(CompareCommand.perSeed(results.get(1))).startsWith("seed 2: embodiment 7/7 done, total 350.0 s")
                .contains("nearest wins or ties");
        assertThat(CompareCommand.markdown("household", results, 60)).contains(
                "| 1 | 7 | 7/7, 300.0 s, 0.90 | 7/7, 420.0 s, 0.70 | 1.40x | embodiment |",
                "| 3 | 7 | 7/7, 400.0 s, 0.90 | 6/7, 400.0 s, 0.70 | 1.00x | nearest |",
                "Over 5 seeds");
    }
}
