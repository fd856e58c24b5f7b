package dev.loci.runtime.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it records events and consolidates them, and checks after each kill that
 * every acknowledged event is still accounted for exactly once (itself, or inside one merged event whose
 * provenance range it falls in), that every merge is whole (its count equals its id range: all or nothing),
 * and that every acknowledged consolidation is still in effect.
 */
class ConsolidationCrashTest {
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesAndConsolidationIsAllOrNothing() throws Exception {
        Random random = new Random(11);
        Set<Long> acked = new ConcurrentSkipListSet<>();
        long consolidatedUpTo = 0;
        long nextBlock = 1;
        int merges = 0;
        for (int round = 1; round <= KILLS; round++) {
            Set<Long> consolidations = ConcurrentHashMap.newKeySet();
            int before = acked.size();
            runWriterAndKill(nextBlock, 100 + random.nextInt(900), acked, consolidations);
            assertThat(acked.size()).as("round %d acknowledged events", round).isGreaterThan(before);
            consolidatedUpTo = Math.max(consolidatedUpTo, consolidations.stream().mapToLong(Long::longValue).max()
                    .orElse(0));

            try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
                List<StoredEvent> events = runtime.events(
                        EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(Long.MAX_VALUE)));
                TreeMap<Long, Long> coveredRanges = new TreeMap<>();
                for (StoredEvent e : events) {
                    String from = e.event().attributes().get("derived_from");
                    long first = e.id();
                    long last = e.id();
                    if (from != null) {
                        String[] ends = from.split("-");
                        first = Long.parseLong(ends[0]);
                        last = Long.parseLong(ends[1]);
                        assertThat(first).isEqualTo(e.id());
                        assertThat(Long.parseLong(e.event().attributes().get("merged")))
                                .as("merged event %d folds its whole run %s", e.id(), from).isEqualTo(last - first + 1);
                        merges++;
                    }
                    var overlapping = coveredRanges.floorEntry(last);
                    assertThat(overlapping == null || overlapping.getValue() < first)
                            .as("event %d is accounted for once", first).isTrue();
                    coveredRanges.put(first, last);
                }
                for (long id : acked) {
                    var range = coveredRanges.floorEntry(id);
                    assertThat(range != null && range.getValue() >= id).as("acknowledged event %d", id).isTrue();
                }
                assertDocksMergedUpTo(events, consolidatedUpTo);
                long latest = events.stream().mapToLong(e -> e.event().time().nanos()).max().orElse(0);
                nextBlock = latest / ConsolidationCrashWriter.BLOCK_NANOS + 1;
            }
        }
        System.out.printf("consolidation crash test: %d kills, %d acknowledged events checked, %d merged runs"
                + " whole, 0 missing%n", KILLS, acked.size(), merges);
    }

    /** After an acknowledged consolidation up to {@code to}, no two docked events before it stand side by side. */
    private static void assertDocksMergedUpTo(List<StoredEvent> events, long to) {
        List<StoredEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Long.compare(a.event().time().nanos(), b.event().time().nanos()));
        StoredEvent previous = null;
        for (StoredEvent e : sorted) {
            if (e.event().time().nanos() > to) {
                break;
            }
            if (previous != null) {
                assertThat(previous.event().description().equals(ConsolidationCrashWriter.DOCKED)
                        && e.event().description().equals(ConsolidationCrashWriter.DOCKED))
                        .as("events %d and %d should have been merged by the consolidation up to %d", previous.id(),
                                e.id(), to).isFalse();
            }
            previous = e;
        }
    }

    private void runWriterAndKill(long firstBlock, long killAfterMillis, Set<Long> acked, Set<Long> consolidations)
            throws Exception {
        KilledChild.runAndKill(ConsolidationCrashWriter.class, List.of("-Xmx256m"),
                List.of(dir.toString(), Long.toString(firstBlock)), "CONSOLIDATED ", killAfterMillis, line -> {
                    if (line.startsWith("ACK ")) {
                        acked.add(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("CONSOLIDATED ")) {
                        consolidations.add(Long.parseLong(line.substring(13)));
                    }
                });
    }
}
