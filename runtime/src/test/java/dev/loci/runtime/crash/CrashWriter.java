package dev.loci.runtime.crash;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.ObservationAck;
import dev.loci.runtime.TestObservations;
import dev.loci.spatial.observation.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link CrashRecoveryTest}: ingests numbered observations as fast as it can and prints
 * {@code ACK <index> <observationId>} for each one whose commit was acknowledged, until it is killed.
 * Usage: CrashWriter DIR SEED FIRST_INDEX [HALT_IN_COMMIT_AFTER_MS]
 *
 * <p>With the fourth argument, a watcher halts the JVM ({@link Runtime#halt}: no shutdown hooks, no flush, like
 * SIGKILL) the first time after that many milliseconds that the writer thread is caught inside MapDB's
 * {@code StoreWAL.commit} writing to the main file, i.e. after MapDB's WAL is synced and while the commit is
 * being copied into place (with Loci's RedoLoggedVolume: while it writes its redo log or copies into the file).
 * A plain kill hits that window only by chance.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        long next = Long.parseLong(args[2]);
        LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(10)));
        if (args.length > 3) {
            haltInsideCommitAfter(Long.parseLong(args[3]));
        }
        while (true) {
            List<Observation> batch = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            for (int k = 0; k < 20; k++, next++) {
                Observation observation = TestObservations.numbered(seed, next);
                if (TestObservations.hasImage(next)) {
                    observation = observation.withImage(runtime.putBlob(TestObservations.imageFor(next)));
                }
                batch.add(observation);
                indexes.add(next);
            }
            runtime.ingestAll(batch).thenAccept(acks -> {
                StringBuilder out = new StringBuilder();
                for (int k = 0; k < acks.size(); k++) {
                    ObservationAck ack = acks.get(k);
                    out.append("ACK ").append(indexes.get(k)).append(' ').append(ack.observationId()).append('\n');
                }
                synchronized (System.out) {
                    System.out.print(out);
                    System.out.flush();
                }
            });
        }
    }

    private static void haltInsideCommitAfter(long millis) {
        Thread watcher = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            Thread writer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("loci-store-writer")).findFirst().orElseThrow();
            while (true) {
                if (insideCommitCopy(writer.getStackTrace())) {
                    Runtime.getRuntime().halt(137);
                }
                Thread.onSpinWait();
            }
        }, "halt-in-commit");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * True while StoreWAL.commit, past its own WAL, writes to the main file (MapDB's volume or Loci's wrapper
     * around it; a plain mmap sync is left out: it is most of the time and harmless to stop in).
     */
    private static boolean insideCommitCopy(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (stack[i].getClassName().equals("org.mapdb.StoreWAL") && stack[i].getMethodName().equals("commit")) {
                String callee = stack[i - 1].getClassName();
                boolean loci = callee.startsWith("dev.loci.");
                boolean mapdbWrite = callee.startsWith("org.mapdb.volume.")
                        && !stack[i - 1].getMethodName().equals("sync");
                return loci ? i > 1 : mapdbWrite; // in the wrapper: only while it calls further down
            }
        }
        return false;
    }
}
