package dev.loci.runtime.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it records events, closes episodes and forgets, and checks after each
 * reopen that every acknowledged event is either still there or inside an episode whose detail a committed
 * forgetting dropped; that such an episode keeps its summary ("forgetting keeps every summary") and lost all
 * of its events (a forgetting is all or nothing); and that every acknowledged forgetting is still in effect.
 */
class ForgettingCrashTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesUnlessAnAcknowledgedForgettingDroppedItsEpisode() throws Exception {
        Random random = new Random(23);
        Set<Long> acked = new ConcurrentSkipListSet<>();
        Set<Long> forgottenAcked = new ConcurrentSkipListSet<>();
        long keptEvents = 0;
        long forgottenEvents = 0;
        for (int round = 1; round <= KILLS; round++) {
            int before = acked.size();
            runWriterAndKill(200 + random.nextInt(1200), acked, forgottenAcked);
            assertThat(acked.size()).as("round %d acknowledged events", round).isGreaterThan(before);

            try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
                Set<Long> present = runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(Long.MAX_VALUE)))
                        .stream().map(StoredEvent::id).collect(Collectors.toSet());
                Map<Long, Chunk> episodeOfEvent = new HashMap<>();
                Map<Long, Chunk> episodes = new HashMap<>();
                for (Chunk session : runtime.sessions(ForgettingCrashWriter.ROBOT)) {
                    for (Chunk episode : runtime.episodesOf(session)) {
                        episodes.put(episode.id(), episode);
                        episode.members().forEach(id -> episodeOfEvent.put(id, episode));
                    }
                }
                for (Chunk episode : episodes.values()) {
                    if (runtime.detailForgotten(episode.id())) {
                        assertThat(episode.summary()).as("forgotten episode %d keeps its summary", episode.id())
                                .isNotBlank();
                        assertThat(episode.members()).as("forgotten episode %d lost all its events", episode.id())
                                .noneMatch(present::contains);
                    }
                }
                for (long id : forgottenAcked) {
                    assertThat(episodes).as("acknowledged forgotten episode %d still exists", id).containsKey(id);
                    assertThat(runtime.detailForgotten(id)).as("acknowledged forgetting of episode %d", id).isTrue();
                }
                keptEvents = 0;
                forgottenEvents = 0;
                for (long id : acked) {
                    if (present.contains(id)) {
                        keptEvents++;
                        continue;
                    }
                    Chunk episode = episodeOfEvent.get(id);
                    assertThat(episode != null && runtime.detailForgotten(episode.id()))
                            .as("acknowledged event %d is present or inside a forgotten episode", id).isTrue();
                    forgottenEvents++;
                }
            }
        }
        assertThat(forgottenAcked).as("forgetting ran and was acknowledged").isNotEmpty();
        System.out.printf("forgetting crash test: %d kills, %d acknowledged events checked (%d kept, %d inside %d"
                + " acknowledged forgotten episodes, summaries kept), 0 missing%n", KILLS, acked.size(), keptEvents,
                forgottenEvents, forgottenAcked.size());
    }

    private void runWriterAndKill(long killAfterMillis, Set<Long> acked, Set<Long> forgotten) throws Exception {
        KilledChild.runAndKill(ForgettingCrashWriter.class, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                List.of(dir.toString()), "FORGOTTEN ", killAfterMillis, line -> {
                    if (line.startsWith("ACK ")) {
                        acked.add(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("FORGOTTEN ")) {
                        forgotten.add(Long.parseLong(line.substring(10)));
                    }
                });
    }
}
