package dev.loci.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakRunTest {
    /** Slack on the index once forgetting has caught up: a few KB of session ids and bit sets, not pages. */
    private static final long INDEX_GROWTH_BOUND_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void threadsFileDescriptorsAndTheEpisodicIndexDoNotGrowOverSimulatedHours() throws Exception {
        // 3,600 observations and 360 events per robot-hour: a robot fills a page of 1,024 events in under three
        // hours, so forgetting (episodes older than two hours) frees whole pages within the run.
        List<SoakRun.Sample> samples = SoakRun.run(dir, 3, 6, 3600, 2, System.out::println);

        SoakRun.Sample first = samples.get(0);
        SoakRun.Sample last = samples.get(samples.size() - 1);
        assertThat(last.threads()).as("threads after hour 6 vs hour 1").isLessThanOrEqualTo(first.threads() + 1);
        assertThat(last.openFiles()).as("open files after hour 6 vs hour 1").isLessThanOrEqualTo(first.openFiles() + 2);
        assertThat(last.objects()).as("objects fuse instead of growing with observations").isLessThanOrEqualTo(400);
        // The index saw-tooths by a page of event vectors per robot as pages fill and are forgotten, so compare
        // the peaks: hours 4-6 (forgetting has caught up) against hours 2-3.
        long early = Math.max(samples.get(1).indexBytes(), samples.get(2).indexBytes());
        long late = samples.subList(3, 6).stream().mapToLong(SoakRun.Sample::indexBytes).max().orElseThrow();
        assertThat(late).as("episodic index bytes, peak of hours 4-6 vs peak of hours 2-3")
                .isLessThanOrEqualTo(early + INDEX_GROWTH_BOUND_BYTES);
        assertThat(last.heldEvents()).as("forgotten pages of events leave memory, ids and times too")
                .isLessThanOrEqualTo(last.events() - 3 * 1024);
        assertThat(last.indexedEpisodes()).as("forgotten episodes leave the retrieval index")
                .isLessThan(samples.get(2).indexedEpisodes() * 2);
    }
}
