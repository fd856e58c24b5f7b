package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.lifecycle.ForgettingPolicy;
import dev.loci.runtime.lifecycle.ForgettingReport;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgettingTest {
    private static final RobotId ROBOT = RobotId.of("helper");
    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    Path dir;

    /** Four days of chores in four rooms, one session a day (days are far more than the session gap apart). */
    private void history(LociRuntime runtime) {
        String[] rooms = {"kitchen", "garage", "attic", "cellar"};
        String[] chores = {"polish the silver teapot", "sort the rusty screws", "stack the old trunks",
            "count the wine bottles"};
        for (int day = 0; day < 4; day++) {
            for (int step = 0; step < 12; step++) {
                long t = day * 24 * HOUR + step * 60_000_000_000L;
                runtime.record(Event.of(ROBOT, Timestamp.ofNanos(t), EventType.ACTION, "tasks",
                        chores[day] + " step " + step + " in the " + rooms[day]).at(new Vec3(day * 10, step * 0.1, 0))
                        .withAttributes(Map.of("room", rooms[day], "task", "chore_" + day)));
            }
            runtime.record(Event.of(ROBOT, Timestamp.ofNanos(day * 24 * HOUR + 20 * 60_000_000_000L),
                    EventType.TASK_FINISHED, "tasks", "finished: " + chores[day])
                    .withAttributes(Map.of("room", rooms[day], "task", "chore_" + day)));
        }
        // Later events close the last day's session too (boundaries settle a few events after they happen).
        for (int i = 0; i < 8; i++) {
            runtime.record(Event.of(ROBOT, Timestamp.ofNanos(30 * 24 * HOUR + i * 60_000_000_000L),
                    EventType.ROBOT_STATE, "monitor", "docked and charging"));
        }
    }

    @Test
    void forgetsTheDetailOfUnrehearsedEpisodesAndKeepsEverySummary() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            history(runtime);
            runtime.closeEpisodes(ROBOT).get();
            for (int i = 0; i < 5; i++) {
                assertThat(runtime.recall("polishing the silver teapot", 3)).isNotEmpty();
            }
            runtime.flush();
            List<Chunk> sessionsBefore = runtime.sessions(ROBOT);
            List<String> summariesBefore = sessionsBefore.stream().map(Chunk::summary).toList();
            assertThat(sessionsBefore).hasSizeGreaterThanOrEqualTo(4);

            long indexedBefore = runtime.chunkStats().indexedEpisodes();
            ForgettingPolicy policy = new ForgettingPolicy(Duration.ofDays(2), 0.2, Duration.ofDays(1));
            ForgettingReport report = runtime.forget(Timestamp.ofNanos(31 * 24 * HOUR), policy).get();
            assertThat(runtime.chunkStats().indexedEpisodes()).as("forgotten episodes left the in-memory index")
                    .isEqualTo(indexedBefore - report.episodesForgotten());

            assertThat(report.episodesForgotten()).isPositive();
            assertThat(report.eventsRemoved()).isPositive();
            assertThat(runtime.sessions(ROBOT)).extracting(Chunk::summary).isEqualTo(summariesBefore);
            var kitchen = runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(HOUR)));
            assertThat(kitchen).as("the rehearsed day keeps its detail").hasSizeGreaterThanOrEqualTo(12);
            var attic = runtime.events(EventQuery.window(Timestamp.ofNanos(2 * 24 * HOUR),
                    Timestamp.ofNanos(2 * 24 * HOUR + HOUR)));
            assertThat(attic).as("an unrehearsed day lost its detail").isEmpty();
            long forgottenEpisodes = sessionsBefore.stream().flatMap(s -> runtime.episodesOf(s).stream())
                    .filter(e -> runtime.detailForgotten(e.id())).count();
            assertThat(forgottenEpisodes).isEqualTo(report.episodesForgotten());
        }
        try (LociRuntime reopened = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            assertThat(reopened.sessions(ROBOT)).as("summaries listed after a reopen").hasSizeGreaterThanOrEqualTo(4);
            long forgotten = reopened.sessions(ROBOT).stream().flatMap(s -> reopened.episodesOf(s).stream())
                    .filter(e -> reopened.detailForgotten(e.id())).count();
            long all = reopened.sessions(ROBOT).stream().mapToLong(s -> reopened.episodesOf(s).size()).sum();
            assertThat(reopened.chunkStats().indexedEpisodes()).as("a reopen leaves forgotten episodes out again")
                    .isEqualTo(all - forgotten);
        }
    }
}
