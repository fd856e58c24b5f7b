package dev.loci.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.testing.FleetWrites;
import dev.loci.spatial.provenance.RobotId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge of peers' deltas with real stores: any delivery order, with duplicates, gives the same memory. */
class FleetMergeTest {
    private static final LociConfig CONFIG = LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(5));
    private static final List<RobotId> ORIGINS = List.of(RobotId.of("robot_a"), RobotId.of("robot_b"),
            RobotId.of("robot_c"));
    private static final int WRITES = 120;

    @TempDir
    Path dir;

    @Test
    void shuffledDuplicatedDeliveryGivesEveryRuntimeTheSameMemory() throws Exception {
        for (int seed = 1; seed <= 2; seed++) {
            Path round = dir.resolve("seed" + seed);
            Map<RobotId, LociRuntime> runtimes = open(round);
            try {
                Map<RobotId, List<Delta>> made = writeEverywhere(runtimes);
                Random random = new Random(seed);
                for (RobotId receiver : ORIGINS) {
                    List<Delta> inbox = new ArrayList<>();
                    made.forEach((origin, deltas) -> {
                        if (!origin.equals(receiver)) {
                            inbox.addAll(deltas);
                            for (Delta d : deltas) { // a third of the deltas arrive twice
                                if (random.nextInt(3) == 0) {
                                    inbox.add(d);
                                }
                            }
                        }
                    });
                    Collections.shuffle(inbox, random);
                    FleetSync sync = runtimes.get(receiver).fleet(receiver);
                    for (int i = 0; i < inbox.size(); i += 1 + random.nextInt(40)) {
                        sync.receive(inbox.subList(i, Math.min(inbox.size(), i + 1 + random.nextInt(40)))).get(10, TimeUnit.SECONDS);
                    }
                    // whatever the chunking skipped, deliver in one more shuffled pass
                    Collections.shuffle(inbox, random);
                    Receipt last = sync.receive(inbox).get(10, TimeUnit.SECONDS);
                    assertThat(last.waiting()).isZero();
                }
                assertConverged(runtimes);
            } finally {
                closeAll(runtimes);
            }
        }
    }

    @Test
    void gapsWaitUntilFilledAndDuplicatesChangeNothing() throws Exception {
        Map<RobotId, LociRuntime> runtimes = open(dir);
        try {
            Map<RobotId, List<Delta>> made = writeEverywhere(runtimes);
            RobotId a = ORIGINS.get(0);
            FleetSync b = runtimes.get(ORIGINS.get(1)).fleet(ORIGINS.get(1));
            List<Delta> fromA = made.get(a);
            long before = runtimes.get(ORIGINS.get(1)).stats().observations();

            Receipt afterGap = b.receive(fromA.subList(1, fromA.size())).get(10, TimeUnit.SECONDS);
            assertThat(afterGap.applied()).as("nothing of A applies while A#1 is missing").isZero();
            assertThat(afterGap.waiting()).isEqualTo(fromA.size() - 1);
            assertThat(b.vector().get().get(a)).isZero();

            Receipt filled = b.receive(fromA.subList(0, 1)).get(10, TimeUnit.SECONDS);
            assertThat(filled.applied()).isEqualTo(fromA.size());
            assertThat(b.vector().get().get(a)).isEqualTo(WRITES);
            long afterAll = runtimes.get(ORIGINS.get(1)).stats().observations();
            assertThat(afterAll).isGreaterThan(before);

            Receipt again = b.receive(fromA).get(10, TimeUnit.SECONDS);
            assertThat(again.applied()).isZero();
            assertThat(again.duplicates()).isEqualTo(fromA.size());
            assertThat(runtimes.get(ORIGINS.get(1)).stats().observations()).isEqualTo(afterAll);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimes.get(a).fleet(RobotId.of("robot_z")))
                    .hasMessageContaining("self").hasMessageContaining("robot_z");
        } finally {
            closeAll(runtimes);
        }
    }

    @Test
    void aRestartedRuntimeKeepsWhatItAppliedAndCatchesUpFromAPeersLog() throws Exception {
        Map<RobotId, LociRuntime> runtimes = open(dir);
        RobotId a = ORIGINS.get(0);
        RobotId b = ORIGINS.get(1);
        RobotId c = ORIGINS.get(2);
        try {
            Map<RobotId, List<Delta>> made = writeEverywhere(runtimes);
            // A hears everything; B hears only half of C before it goes down.
            runtimes.get(a).fleet(a).receive(all(made, b, c)).get(10, TimeUnit.SECONDS);
            runtimes.get(b).fleet(b).receive(made.get(c).subList(0, WRITES / 2)).get(10, TimeUnit.SECONDS);
            runtimes.get(b).close();

            LociRuntime reopened = LociRuntime.open(dir.resolve(b.name()), CONFIG);
            runtimes.put(b, reopened);
            FleetSync sync = reopened.fleet(b);
            VersionVector afterRestart = sync.vector().get(10, TimeUnit.SECONDS);
            assertThat(afterRestart.get(c)).as("applied deltas survive the restart").isEqualTo(WRITES / 2);
            assertThat(afterRestart.get(b)).as("own deltas survive too").isEqualTo(WRITES);

            // Anti-entropy: B's vector goes to A, A answers from its log, including C's deltas it relays.
            List<Delta> missing = runtimes.get(a).fleet(a).missingFor(afterRestart, FleetSync.MAX_BATCH).get(10, TimeUnit.SECONDS);
            assertThat(missing).hasSize(WRITES + WRITES / 2);
            Receipt receipt = sync.receive(missing).get(10, TimeUnit.SECONDS);
            assertThat(receipt.applied()).isEqualTo(missing.size());
            // and what A lacks of B comes from B's log
            runtimes.get(c).fleet(c).receive(sync.missingFor(runtimes.get(c).fleet(c).vector().get(), FleetSync.MAX_BATCH)
                    .get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            assertConverged(runtimes);
        } finally {
            closeAll(runtimes);
        }
    }

    @Test
    void profileConflictIsWonByTheHigherVersionThenTheGreaterOriginName() throws Exception {
        Map<RobotId, LociRuntime> runtimes = open(dir);
        try {
            Map<RobotId, List<Delta>> made = writeEverywhere(runtimes);
            for (RobotId receiver : ORIGINS) {
                runtimes.get(receiver).fleet(receiver).receive(allBut(made, receiver)).get(10, TimeUnit.SECONDS);
            }
            // Each runtime updated shared_bot concurrently, WRITES/20 times: equal versions, so robot_c wins.
            for (LociRuntime runtime : runtimes.values()) {
                var shared = runtime.profile(FleetWrites.SHARED).orElseThrow();
                assertThat(shared.version()).isEqualTo(WRITES / 20);
                assertThat(shared.provenance().source()).isEqualTo("fleet_test_robot_c");
            }
            assertConverged(runtimes);
        } finally {
            closeAll(runtimes);
        }
    }

    @Test
    void aBatchIngestTravelsAsFewBoundedDeltas() throws Exception {
        Map<RobotId, LociRuntime> runtimes = open(dir);
        try {
            RobotId a = ORIGINS.get(0);
            List<dev.loci.spatial.observation.Observation> batch = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                batch.add(dev.loci.runtime.TestObservations.numbered(3, i));
            }
            runtimes.get(a).ingestAll(batch).get(30, TimeUnit.SECONDS);
            List<Delta> deltas = runtimes.get(a).fleet(a).localDeltasAfter(0, 100).get(10, TimeUnit.SECONDS);
            assertThat(deltas).hasSize(3); // 256 + 256 + 88
            assertThat(new FleetWire().packDeltas(a, deltas)).allMatch(p -> p.length <= FleetWire.MAX_PACKET_BYTES);
            RobotId b = ORIGINS.get(1);
            Receipt receipt = runtimes.get(b).fleet(b).receive(deltas).get(10, TimeUnit.SECONDS);
            assertThat(receipt.applied()).isEqualTo(3);
            assertThat(runtimes.get(b).stats().observations()).isEqualTo(600);
        } finally {
            closeAll(runtimes);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private Map<RobotId, LociRuntime> open(Path root) throws Exception {
        Map<RobotId, LociRuntime> runtimes = new HashMap<>();
        for (RobotId origin : ORIGINS) {
            LociRuntime runtime = LociRuntime.open(root.resolve(origin.name()), CONFIG);
            runtime.fleet(origin);
            runtimes.put(origin, runtime);
        }
        return runtimes;
    }

    private static Map<RobotId, List<Delta>> writeEverywhere(Map<RobotId, LociRuntime> runtimes) throws Exception {
        Map<RobotId, List<Delta>> made = new HashMap<>();
        for (RobotId origin : ORIGINS) {
            LociRuntime runtime = runtimes.get(origin);
            List<CompletableFuture<?>> writes = new ArrayList<>();
            for (int k = 1; k <= WRITES; k++) {
                writes.add(FleetWrites.write(runtime, origin, k));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            List<Delta> deltas = runtime.fleet(origin).localDeltasAfter(0, FleetSync.MAX_BATCH).get(10, TimeUnit.SECONDS);
            assertThat(deltas).hasSize(WRITES);
            assertThat(deltas).extracting(Delta::seq).isSorted().startsWith(1L).endsWith((long) WRITES);
            made.put(origin, deltas);
        }
        return made;
    }

    private static List<Delta> all(Map<RobotId, List<Delta>> made, RobotId... origins) {
        List<Delta> all = new ArrayList<>();
        for (RobotId origin : origins) {
            all.addAll(made.get(origin));
        }
        return all;
    }

    private static List<Delta> allBut(Map<RobotId, List<Delta>> made, RobotId receiver) {
        return all(made, ORIGINS.stream().filter(o -> !o.equals(receiver)).toArray(RobotId[]::new));
    }

    private static void assertConverged(Map<RobotId, LociRuntime> runtimes) throws Exception {
        Map<RobotId, MemoryDigest> digests = new HashMap<>();
        for (RobotId origin : ORIGINS) {
            FleetSync sync = runtimes.get(origin).fleet(origin);
            assertThat(sync.vector().get(10, TimeUnit.SECONDS).total()).as("%s applied every delta", origin)
                    .isEqualTo(3L * WRITES);
            digests.put(origin, sync.digest().get(10, TimeUnit.SECONDS));
        }
        MemoryDigest first = digests.get(ORIGINS.get(0));
        // per origin: 120 writes = 96 observations, 12 events, 12 profile updates (6 own + 6 shared_bot)
        assertThat(first.observations()).isEqualTo(3L * 96);
        assertThat(first.events()).isEqualTo(3L * 12);
        assertThat(first.profiles()).isEqualTo(4);
        assertThat(digests.values()).allMatch(first::equals);
    }

    private static void closeAll(Map<RobotId, LociRuntime> runtimes) throws Exception {
        for (LociRuntime runtime : runtimes.values()) {
            runtime.close();
        }
    }
}
