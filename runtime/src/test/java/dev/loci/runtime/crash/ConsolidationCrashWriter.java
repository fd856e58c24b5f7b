package dev.loci.runtime.crash;

import dev.loci.episodic.event.ConsolidationPolicy;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process of {@link ConsolidationCrashTest}: records blocks of redundant events (ten "docked and
 * charging" one second apart, then one "moved"), consolidates everything so far after every third block, and
 * prints {@code ACK <eventId>} per acknowledged event and {@code CONSOLIDATED <toNanos>} per acknowledged
 * consolidation, until it is killed. Usage: ConsolidationCrashWriter DIR FIRST_BLOCK
 */
public final class ConsolidationCrashWriter {
    static final RobotId ROBOT = RobotId.of("dock_bot");
    static final String DOCKED = "docked and charging";
    static final long BLOCK_NANOS = 20_000_000_000L;
    static final int RUN = 10;

    private ConsolidationCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable failure) {
            // Die visibly: the writer threads would otherwise keep a JVM whose main thread failed alive.
            failure.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long block = Long.parseLong(args[1]);
        LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(10)));
        while (true) {
            long base = block * BLOCK_NANOS;
            for (int i = 0; i < RUN; i++) {
                ack(runtime.record(Event.of(ROBOT, Timestamp.ofNanos(base + i * 1_000_000_000L), EventType.ROBOT_STATE,
                        "monitor", DOCKED)));
            }
            ack(runtime.record(Event.of(ROBOT, Timestamp.ofNanos(base + 12_000_000_000L), EventType.ACTION, "nav",
                    "moved to dock " + block)));
            if (block % 3 == 0) {
                long to = base + 15_000_000_000L;
                runtime.consolidateEvents(Timestamp.ZERO, Timestamp.ofNanos(to), ConsolidationPolicy.DEFAULT)
                        .thenAccept(report -> print("CONSOLIDATED " + to)).join();
            }
            block++;
        }
    }

    private static void ack(java.util.concurrent.CompletableFuture<dev.loci.episodic.event.StoredEvent> stored) {
        stored.thenAccept(event -> print("ACK " + event.id()));
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
