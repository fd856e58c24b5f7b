package dev.loci.ros.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Timestamp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during fleet sync: two runtimes in two JVMs write without pause and exchange deltas over real DDS both
 * ways; one of them is SIGKILLed again and again at random moments and restarted on its store. After every kill
 * the restarted runtime still holds every write it acknowledged, every peer delta it acknowledged receiving
 * (its committed version vector), and at least every one of its own deltas the survivor acknowledged receiving
 * (nothing is sent that a crash could take back). At the end both converge to one digest, and each store holds
 * every write of both robots exactly once (idempotent merge across restarts and re-sends).
 */
class FleetSyncCrashTest {
    private static final int KILLS = 7;
    private static final String SURVIVOR = "robot_s";
    private static final String VICTIM = "robot_v";

    @TempDir
    Path dir;

    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final int domain = 100 + new Random().nextInt(100);

    /** What one life of a peer process said. */
    private static final class Peer {
        volatile Map<String, Long> started;
        volatile long lastAck;
        volatile Map<String, Long> vector = Map.of();
        volatile Long done;
        volatile String state;
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : processes.values()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedWriteAndReceiptSurvivesKillsDuringFleetSyncAndTheFleetConverges() throws Exception {
        Random random = new Random();
        Peer survivor = start(SURVIVOR);
        Peer first = start(VICTIM);
        Eventually.assertWithin(() -> survivor.lastAck >= 20 && first.lastAck >= 20, 60, "both peers writing");
        Peer victim = first;
        long maxAckedByVictim = 0;
        long maxVictimSeqAckedBySurvivor = 0;
        long maxReceivedByVictim = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            // deltas flow both ways: both are writing and the survivor has acknowledged some of this life's
            Peer current = victim;
            long from = Math.max(current.lastAck, current.started == null ? 0 : current.started.getOrDefault(VICTIM, 0L));
            Eventually.assertWithin(() -> current.lastAck >= from + 10, 30, "victim writing again before kill " + kill);
            Thread.sleep(200 + random.nextInt(1500));
            Process process = processes.get(VICTIM);
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            long acked = current.lastAck;
            Map<String, Long> receivedAcked = current.vector;
            maxAckedByVictim = Math.max(maxAckedByVictim, acked);
            maxVictimSeqAckedBySurvivor = Math.max(maxVictimSeqAckedBySurvivor,
                    survivor.vector.getOrDefault(VICTIM, 0L));

            Peer restarted = start(VICTIM);
            Eventually.assertWithin(() -> restarted.started != null, 60, "victim reopened after kill " + kill);
            long own = restarted.started.getOrDefault(VICTIM, 0L);
            assertThat(own).as("kill %d: every write the victim acknowledged (last ACK %d) survived", kill, acked)
                    .isGreaterThanOrEqualTo(acked);
            assertThat(own).as("kill %d: every victim delta the survivor acknowledged receiving exists at its origin",
                    kill).isGreaterThanOrEqualTo(maxVictimSeqAckedBySurvivor);
            assertThat(restarted.started.getOrDefault(SURVIVOR, 0L))
                    .as("kill %d: every survivor delta the victim acknowledged receiving survived", kill)
                    .isGreaterThanOrEqualTo(receivedAcked.getOrDefault(SURVIVOR, 0L));
            maxReceivedByVictim = Math.max(maxReceivedByVictim, receivedAcked.getOrDefault(SURVIVOR, 0L));
            victim = restarted;
        }
        Peer last = victim;
        Files.createFile(dir.resolve("stop"));
        Eventually.assertWithin(() -> survivor.done != null && last.done != null, 30, "both stopped writing");
        long expected = survivor.done + last.done;
        boolean converged = Eventually.holds(() -> {
            String a = survivor.state;
            String b = last.state;
            return a != null && a.equals(b) && a.startsWith(expected + " ");
        }, 60);
        assertThat(converged).as("both applied all %d deltas with one digest: %s / %s", expected, survivor.state,
                last.state).isTrue();
        stopAll();

        Map<String, Long> writes = Map.of(SURVIVOR, survivor.done, VICTIM, last.done);
        assertThat(last.done).isGreaterThanOrEqualTo(maxAckedByVictim);
        long checked = 0;
        for (String store : List.of(SURVIVOR, VICTIM)) {
            checked += assertEveryWriteExactlyOnce(dir.resolve(store), writes);
        }
        System.out.printf("fleet sync crash test: %d kills; after each, the victim still had its acknowledged writes "
                        + "(up to #%d), the survivor deltas it acknowledged (up to #%d) and its deltas the survivor "
                        + "acknowledged (up to #%d); %d writes found exactly once in each of 2 stores; converged at %s%n",
                KILLS, maxAckedByVictim, maxReceivedByVictim, maxVictimSeqAckedBySurvivor, checked / 2, survivor.state);
    }

    /** Observations and events of every robot's writes 1..n, each exactly once (profiles are registers). */
    private static long assertEveryWriteExactlyOnce(Path store, Map<String, Long> writes) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        try (LociRuntime memory = LociRuntime.open(store, LociConfig.DEFAULT)) {
            long count = memory.stats().observations();
            for (long id = 1; id <= count; id++) {
                Observation o = memory.observation(id).orElseThrow();
                seen.merge(o.robot().name() + " " + o.attributes().get("k"), 1, Integer::sum);
            }
            for (StoredEvent e : memory.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(1_000_000)))) {
                String[] words = e.event().description().split(" "); // "<robot> action <k>"
                seen.merge(e.event().robot().name() + " " + words[words.length - 1], 1, Integer::sum);
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        writes.forEach((robot, n) -> {
            for (long k = 1; k <= n; k++) {
                if (k % 10 != 0) {
                    expected.put(robot + " " + k, 1);
                }
            }
        });
        assertThat(new TreeMap<>(seen)).as("writes in %s, each exactly once", store.getFileName()).isEqualTo(expected);
        return expected.size();
    }

    private Peer start(String robot) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FleetCrashPeer.class.getName(), dir.resolve(robot).toString(), robot, Integer.toString(domain),
                dir.resolve("stop").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ROS_DOMAIN_ID", Integer.toString(domain));
        Process process = builder.start();
        Peer peer = new Peer();
        processes.put(robot, process);
        peers.put(robot, peer);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        peer.lastAck = Long.parseLong(line.substring(4).trim());
                    } else if (line.startsWith("VECTOR ")) {
                        peer.vector = parse(line.substring(7));
                    } else if (line.startsWith("STARTED ")) {
                        peer.started = parse(line.substring(8));
                    } else if (line.startsWith("DONE ")) {
                        peer.done = Long.parseLong(line.substring(5).trim());
                    } else if (line.startsWith("STATE ")) {
                        peer.state = line.substring(6);
                    }
                }
            } catch (java.io.IOException endOfStream) {
                // the peer died
            }
        });
        reader.setDaemon(true);
        reader.start();
        return peer;
    }

    private static Map<String, Long> parse(String vector) {
        Map<String, Long> marks = new HashMap<>();
        for (String mark : vector.trim().split(",")) {
            if (!mark.isEmpty()) {
                String[] parts = mark.split("=");
                marks.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return Map.copyOf(marks);
    }
}
